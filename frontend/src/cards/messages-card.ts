import { css, html, nothing, type TemplateResult } from "lit";
import { LibrusCard } from "../base-card";
import { MESSAGES_DEFAULTS, validateMessagesConfig } from "../config";
import { count } from "../localize";
import { formatMessageDate, formatMessageTimestamp, messagesOf, shownMessages } from "../messages";
import { cardStyles, ICON_OPEN, ICON_PAPERCLIP } from "../styles";
import { effectiveToday } from "../today";
import type { CardMessages, MessageItem, MessagesCardConfig } from "../types";

/** Librus has no address per message: every link opens the inbox, in a new tab. */
export class LibrusMessagesCard extends LibrusCard<MessagesCardConfig> {
  static getConfigElement(): HTMLElement {
    return document.createElement("librus-messages-card-editor");
  }

  static getStubConfig(): Omit<MessagesCardConfig, "type"> {
    return { ...MESSAGES_DEFAULTS };
  }

  protected validateConfig(config: unknown): MessagesCardConfig {
    return validateMessagesConfig(config);
  }

  getCardSize(): number {
    const data = this.data;
    if (!data) return 3;
    return 2 + Math.max(1, this.rows(messagesOf(data)).length) * (this.option("show_preview") ? 2 : 1);
  }

  private option<K extends keyof typeof MESSAGES_DEFAULTS>(key: K): (typeof MESSAGES_DEFAULTS)[K] | MessagesCardConfig[K] {
    return this._config?.[key] ?? MESSAGES_DEFAULTS[key];
  }

  private rows(messages: CardMessages): MessageItem[] {
    return shownMessages(messages.items, {
      limit: Number(this.option("max_messages")),
      unreadOnly: Boolean(this.option("unread_only")),
    });
  }

  /** A link to the inbox in a new tab (or plain content when the backend gave no address). */
  private link(url: string, cls: string, content: TemplateResult, label?: string): TemplateResult {
    return url
      ? html`<a class=${cls} href=${url} target="_blank" rel="noopener noreferrer" aria-label=${label ?? nothing}
          >${content}</a
        >`
      : html`<div class=${cls}>${content}</div>`;
  }

  protected override render(): TemplateResult {
    const data = this.data;
    const status = this.renderStatus();
    const title = html`<h2 class="title">${this.t("messages")}</h2>`;
    if (status || !data) {
      return this.renderStatusCard(title, status);
    }
    const messages = messagesOf(data);
    const url = messages.available ? messages.inbox_url : "";
    const unread = messages.unread;
    return html`<ha-card>
      <div class="root">
        <div class="header">
          <div class="heading">
            ${url
              ? html`<h2 class="title">
                  <a class="inbox" href=${url} target="_blank" rel="noopener noreferrer" title=${this.t("open_inbox")}
                    >${this.t("messages")}${this.icon(ICON_OPEN)}</a
                  >
                </h2>`
              : title}
            ${messages.available && unread
              ? html`<span class="badge unread-count">${count(this.uiLang, "unread", unread)}</span>`
              : nothing}
          </div>
          ${this.renderStudent(data)}
        </div>
        <div class="content">
          ${messages.available ? this.renderList(messages, effectiveToday(data, this.clock())) : this.renderUnavailable()}
        </div>
        ${this.renderUpdated(data)}
      </div>
    </ha-card>`;
  }

  private renderUnavailable(): TemplateResult {
    return html`<div class="notice" role="note">${this.t("messages_unavailable")}</div>`;
  }

  private renderList(messages: CardMessages, today: string): TemplateResult {
    const rows = this.rows(messages);
    if (!rows.length) {
      const key = this.option("unread_only") && messages.items.length ? "no_unread_messages" : "no_messages";
      return html`<div class="empty muted">${this.t(key)}</div>`;
    }
    return html`<ul class="messages">
      ${rows.map((m) => html`<li>${this.renderMessage(m, messages.inbox_url, today)}</li>`)}
    </ul>`;
  }

  private renderMessage(m: MessageItem, url: string, today: string): TemplateResult {
    const when = formatMessageDate(m.sent, today, this.uiLocale);
    const full = formatMessageTimestamp(m.sent, this.uiLocale);
    const label = [
      m.unread ? this.t("unread_message") : null,
      m.sender,
      m.topic,
      full || null,
      m.has_attachments ? this.t("has_attachments") : null,
    ]
      .filter(Boolean)
      .join(", ");
    const content = html`<span class="line">
        ${m.unread ? html`<span class="dot" aria-hidden="true"></span>` : nothing}
        <span class="sender">${m.sender}</span>
        ${m.has_attachments
          ? html`<span class="clip" title=${this.t("has_attachments")}>${this.icon(ICON_PAPERCLIP)}</span>`
          : nothing}
        ${when ? html`<time class="when" datetime=${m.sent ?? ""} title=${full}>${when}</time>` : nothing}
      </span>
      <span class="topic">${m.topic || this.t("no_topic")}</span>
      ${this.option("show_preview") && m.preview ? html`<span class="preview">${m.preview}</span>` : nothing}`;
    return this.link(url, `message ${m.unread ? "unread" : "read"}`, content, label);
  }

  static override styles = [
    cardStyles,
    css`
      .heading {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 4px 10px;
        min-width: 0;
      }
      .unread-count {
        --tone: var(--lb-primary);
        font-size: 12px;
      }
      .messages {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      .messages li + li {
        border-top: 1px solid var(--lb-divider);
      }
      .message {
        display: flex;
        flex-direction: column;
        gap: 2px;
        margin: 0 -8px;
        padding: 8px;
        border-radius: var(--lb-radius);
        color: inherit;
        text-decoration: none;
        min-width: 0;
      }
      a.message:hover {
        background: var(--lb-surface);
      }
      .line {
        display: flex;
        align-items: center;
        gap: 6px;
        min-width: 0;
      }
      .sender {
        flex: 1 1 auto;
        min-width: 0;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .when {
        flex: none;
        font-size: 12px;
        color: var(--lb-muted);
        font-variant-numeric: tabular-nums;
      }
      .clip {
        flex: none;
        display: inline-flex;
        color: var(--lb-muted);
      }
      .clip svg {
        width: 16px;
        height: 16px;
        fill: currentColor;
      }
      .dot {
        flex: none;
        width: 8px;
        height: 8px;
        border-radius: 50%;
        background: var(--lb-primary);
      }
      .topic {
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .preview {
        font-size: 13px;
        line-height: 1.4;
        color: var(--lb-muted);
        display: -webkit-box;
        -webkit-line-clamp: 2;
        -webkit-box-orient: vertical;
        overflow: hidden;
        overflow-wrap: anywhere;
      }
      @container librus (min-width: 560px) {
        .preview {
          -webkit-line-clamp: 3;
        }
      }
      .unread .sender,
      .unread .topic {
        font-weight: var(--ha-font-weight-bold, 700);
      }
      .unread .when {
        color: var(--lb-primary);
        font-weight: var(--ha-font-weight-medium, 500);
      }
      .empty,
      .notice {
        padding: 12px 0;
      }
      .notice {
        color: var(--lb-muted);
        border-left: 3px solid var(--lb-warning);
        padding-left: 10px;
      }
      .inbox {
        display: inline-flex;
        align-items: center;
        gap: 6px;
        color: inherit;
        text-decoration: none;
      }
      .inbox:hover {
        text-decoration: underline;
      }
      .inbox svg {
        width: 18px;
        height: 18px;
        fill: var(--lb-muted);
      }
    `,
  ];
}
