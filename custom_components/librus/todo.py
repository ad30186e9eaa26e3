"""To-do list: homework assignments (read-only) with their due dates."""

from __future__ import annotations

from homeassistant.components.todo import TodoItem, TodoListEntity
from homeassistant.components.todo.const import TodoItemStatus
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback
from homeassistant.util import dt as dt_util

from .coordinator import LibrusConfigEntry
from .entity import LibrusEntity, LibrusEntityDescription

PARALLEL_UPDATES = 0

HOMEWORK = LibrusEntityDescription(key="homework", translation_key="homework", module="homework")


async def async_setup_entry(
    hass: HomeAssistant,
    entry: LibrusConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    async_add_entities([HomeworkList(entry.runtime_data.coordinator, HOMEWORK)])


class HomeworkList(LibrusEntity, TodoListEntity):
    """Homework from Librus; items past their due date count as done."""

    _attr_supported_features = 0

    @property
    def todo_items(self) -> list[TodoItem]:
        today = dt_util.now().date()
        items = sorted(self.snapshot.homework, key=lambda h: (h.due is None, h.due, h.id))
        return [
            TodoItem(
                uid=item.id,
                summary=item.topic,
                description=item.text or None,
                due=item.due,
                status=(
                    TodoItemStatus.COMPLETED
                    if item.due is not None and item.due < today
                    else TodoItemStatus.NEEDS_ACTION
                ),
            )
            for item in items
        ]
