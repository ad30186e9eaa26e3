"""Config flow: add, re-authenticate and reconfigure a Librus account.

All three paths submit a form, then show a progress step ("Validating your Librus
credentials…") while the five login steps run once, as Librus serves them today, in a fresh
cookie jar, with no retries. Nothing is stored unless every step succeeded.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import voluptuous as vol
from homeassistant.config_entries import (
    SOURCE_REAUTH,
    SOURCE_RECONFIGURE,
    ConfigFlow,
    ConfigFlowResult,
    OptionsFlow,
)
from homeassistant.core import callback
from homeassistant.helpers.selector import (
    BooleanSelector,
    NumberSelector,
    NumberSelectorConfig,
    NumberSelectorMode,
    TextSelector,
    TextSelectorConfig,
    TextSelectorType,
)

from . import const
from .api import (
    LibrusAuthError,
    LibrusConnectionError,
    LibrusError,
    LibrusSessionNotOpenedError,
    LibrusTimeoutError,
)
from .const import (
    CONF_PASSWORD,
    CONF_QUIET_HOURS,
    CONF_SCAN_INTERVAL,
    CONF_USERNAME,
    DEFAULT_QUIET_HOURS,
    DEFAULT_SCAN_INTERVAL,
    DOMAIN,
    MAX_SCAN_INTERVAL,
    MIN_SCAN_INTERVAL,
)
from .coordinator import LibrusConfigEntry
from .session import create_client, store_handover

_LOGGER = logging.getLogger(__name__)

USERNAME_SELECTOR = TextSelector(
    TextSelectorConfig(type=TextSelectorType.TEXT, autocomplete="username")
)
PASSWORD_SELECTOR = TextSelector(
    TextSelectorConfig(type=TextSelectorType.PASSWORD, autocomplete="current-password")
)
CREDENTIALS_SCHEMA = vol.Schema(
    {
        vol.Required(CONF_USERNAME): USERNAME_SELECTOR,
        vol.Required(CONF_PASSWORD): PASSWORD_SELECTOR,
    }
)
PASSWORD_SCHEMA = vol.Schema({vol.Required(CONF_PASSWORD): PASSWORD_SELECTOR})


@dataclass(frozen=True, slots=True)
class ValidatedAccount:
    unique_id: str  # the login's stable Librus identifier (Auth/TokenInfo UserIdentifier)
    title: str  # the student's name


@dataclass(frozen=True, slots=True)
class ValidationOutcome:
    account: ValidatedAccount | None = None
    error: str | None = None  # a key of config.error in strings.json


def error_key(err: LibrusError, username: str) -> str:
    """The form error a user sees for a client error."""
    if isinstance(err, LibrusAuthError):
        if err.reason in ("captcha_required", "account_expired"):
            return err.reason
        # A "Konto LIBRUS" portal e-mail is not a Synergia login: say so.
        return "invalid_auth_email" if "@" in username else "invalid_auth"
    if isinstance(err, LibrusSessionNotOpenedError):
        # Librus accepted the password: never tell the user it is wrong.
        return "session_not_opened"
    if isinstance(err, LibrusTimeoutError):
        return "timeout"
    if isinstance(err, LibrusConnectionError):
        return "cannot_connect"
    return "unknown"


class LibrusConfigFlow(ConfigFlow, domain=DOMAIN):
    """One entry per Librus login (each login belongs to one student)."""

    VERSION = 1
    MINOR_VERSION = 1

    @staticmethod
    @callback
    def async_get_options_flow(config_entry: LibrusConfigEntry) -> LibrusOptionsFlow:
        return LibrusOptionsFlow()

    def __init__(self) -> None:
        self._credentials: dict[str, str] = {}
        self._form_step = "user"  # where a failed validation returns to
        self._validation: asyncio.Task[ValidationOutcome] | None = None
        self._errors: dict[str, str] = {}
        self._account: ValidatedAccount | None = None

    async def async_step_user(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        """The credentials form of a new entry."""
        return await self._credentials_form("user", CREDENTIALS_SCHEMA, user_input)

    async def async_step_reauth(self, entry_data: Mapping[str, Any]) -> ConfigFlowResult:
        """Librus started rejecting the stored password."""
        return await self.async_step_reauth_confirm()

    async def async_step_reauth_confirm(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Ask for the new password only; the login stays."""
        entry = self._get_reauth_entry()
        if user_input is not None:
            user_input = {CONF_USERNAME: entry.data[CONF_USERNAME], **user_input}
        return await self._credentials_form(
            "reauth_confirm",
            PASSWORD_SCHEMA,
            user_input,
            placeholders={"username": entry.data[CONF_USERNAME], "name": entry.title},
        )

    async def async_step_reconfigure(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Change the login or password of the same Librus account."""
        entry = self._get_reconfigure_entry()
        return await self._credentials_form(
            "reconfigure",
            self.add_suggested_values_to_schema(
                CREDENTIALS_SCHEMA, {CONF_USERNAME: entry.data[CONF_USERNAME]}
            ),
            user_input,
            placeholders={"name": entry.title},
        )

    async def _credentials_form(
        self,
        step_id: str,
        schema: vol.Schema,
        user_input: dict[str, Any] | None,
        placeholders: dict[str, str] | None = None,
    ) -> ConfigFlowResult:
        """Show a form, or accept it and start validating."""
        errors, self._errors = self._errors, {}
        if user_input is not None:
            username = str(user_input.get(CONF_USERNAME, "")).strip()
            password = str(user_input.get(CONF_PASSWORD, ""))
            errors = {}
            if not username:
                errors[CONF_USERNAME] = "empty"
            if not password:
                errors[CONF_PASSWORD] = "empty"
            if not errors:
                self._credentials = {CONF_USERNAME: username, CONF_PASSWORD: password}
                self._form_step = step_id
                return await self.async_step_validate()
        if step_id == "user" and self._credentials:
            # Keep what was typed (except the password) when the form comes back.
            schema = self.add_suggested_values_to_schema(
                schema, {CONF_USERNAME: self._credentials[CONF_USERNAME]}
            )
        return self.async_show_form(
            step_id=step_id,
            data_schema=schema,
            errors=errors,
            description_placeholders=placeholders,
        )

    async def async_step_validate(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Progress step: run the reference login once."""
        if self._validation is None:
            self._validation = self.hass.async_create_task(
                self._validate_visibly(dict(self._credentials)), eager_start=False
            )
        if not self._validation.done():
            return self.async_show_progress(
                step_id="validate",
                progress_action="validate",
                progress_task=self._validation,
            )
        outcome = self._validation.result()
        self._validation = None
        if outcome.account is None:
            self._errors = {"base": outcome.error or "unknown"}
            return self.async_show_progress_done(next_step_id=self._form_step)
        self._account = outcome.account
        return self.async_show_progress_done(next_step_id="finish")

    async def async_step_finish(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        """Store the validated credentials (new entry, reauth or reconfigure)."""
        account = self._account
        assert account is not None
        # Reauth and reconfigure run beside the entry's own flows; only a new entry must
        # refuse a second flow for the same account.
        await self.async_set_unique_id(
            account.unique_id,
            raise_on_progress=self.source not in (SOURCE_REAUTH, SOURCE_RECONFIGURE),
        )
        if self.source == SOURCE_REAUTH:
            self._abort_if_unique_id_mismatch(reason="wrong_account")
            # The reason is passed explicitly: newer Home Assistant otherwise shows its own text.
            return self.async_update_reload_and_abort(
                self._get_reauth_entry(),
                data_updates=self._credentials,
                reason="reauth_successful",
            )
        if self.source == SOURCE_RECONFIGURE:
            self._abort_if_unique_id_mismatch(reason="wrong_account")
            return self.async_update_reload_and_abort(
                self._get_reconfigure_entry(),
                data_updates=self._credentials,
                reason="reconfigure_successful",
            )
        self._abort_if_unique_id_configured()
        return self.async_create_entry(title=account.title, data=self._credentials)

    async def _validate_visibly(self, credentials: dict[str, str]) -> ValidationOutcome:
        """Validate, keeping the progress screen up for at least PROGRESS_MIN_SECONDS."""
        loop = asyncio.get_running_loop()
        started = loop.time()
        outcome = await self._validate(credentials)
        if (left := const.PROGRESS_MIN_SECONDS - (loop.time() - started)) > 0:
            await asyncio.sleep(left)
        return outcome

    async def _validate(self, credentials: dict[str, str]) -> ValidationOutcome:
        """Log in once; on success read the student's name for the entry title.

        The validated session is handed over to the entry set up next (one login, not two).
        """
        client = create_client(self.hass, credentials[CONF_USERNAME], credentials[CONF_PASSWORD])
        try:
            identity = await client.login()
            try:
                # Not part of the validation: a failure here only costs the nice title.
                title = (await client.get_me(relogin=False)).student_name
            except LibrusError as err:
                _LOGGER.debug("Could not read the student's name: %s", err)
                title = ""
            if (handover := client.hand_over()) is not None:
                store_handover(self.hass, handover)
            return ValidationOutcome(
                ValidatedAccount(
                    unique_id=identity.user_identifier,
                    title=title or f"Librus {credentials[CONF_USERNAME]}",
                )
            )
        except LibrusError as err:
            _LOGGER.debug("Librus credentials not accepted: %s", err)
            return ValidationOutcome(error=error_key(err, credentials[CONF_USERNAME]))
        except Exception:
            _LOGGER.exception("Unexpected error while validating Librus credentials")
            return ValidationOutcome(error="unknown")
        finally:
            await client.close()


OPTIONS_SCHEMA = vol.Schema(
    {
        vol.Required(CONF_SCAN_INTERVAL, default=DEFAULT_SCAN_INTERVAL): NumberSelector(
            NumberSelectorConfig(
                min=MIN_SCAN_INTERVAL,
                max=MAX_SCAN_INTERVAL,
                step=5,
                unit_of_measurement="min",
                mode=NumberSelectorMode.BOX,
            )
        ),
        vol.Required(CONF_QUIET_HOURS, default=DEFAULT_QUIET_HOURS): BooleanSelector(),
    }
)


class LibrusOptionsFlow(OptionsFlow):
    """Poll interval and night-time quiet hours (the entry reloads with them)."""

    async def async_step_init(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        if user_input is not None:
            return self.async_create_entry(
                data={
                    CONF_SCAN_INTERVAL: int(user_input[CONF_SCAN_INTERVAL]),
                    CONF_QUIET_HOURS: bool(user_input[CONF_QUIET_HOURS]),
                }
            )
        return self.async_show_form(
            step_id="init",
            data_schema=self.add_suggested_values_to_schema(
                OPTIONS_SCHEMA, dict(self.config_entry.options)
            ),
        )
