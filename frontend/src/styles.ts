/** Styles shared by the cards: only Home Assistant theme variables, so light and dark themes just work. */
import { css } from "lit";

export const cardStyles = css`
  :host {
    display: block;
    --lb-success: var(--success-color, #43a047);
    --lb-warning: var(--warning-color, #ffa600);
    --lb-error: var(--error-color, #db4437);
    --lb-primary: var(--primary-color, #03a9f4);
    --lb-text: var(--primary-text-color, #212121);
    --lb-muted: var(--secondary-text-color, #727272);
    --lb-divider: var(--divider-color, rgba(0, 0, 0, 0.12));
    --lb-surface: color-mix(in srgb, var(--lb-text) 5%, transparent);
    --lb-radius: 8px;
  }
  ha-card {
    height: 100%;
    box-sizing: border-box;
    overflow: hidden;
    color: var(--lb-text);
  }
  .root {
    container-type: inline-size;
    container-name: librus;
  }
  .header {
    display: flex;
    align-items: flex-start;
    justify-content: space-between;
    gap: 8px 12px;
    flex-wrap: wrap;
    padding: 16px 16px 8px;
  }
  .title {
    margin: 0;
    font-size: var(--ha-card-header-font-size, var(--ha-font-size-xl, 20px));
    font-weight: var(--ha-font-weight-medium, 500);
    line-height: 1.3;
  }
  .title .date {
    font-weight: var(--ha-font-weight-normal, 400);
    color: var(--lb-muted);
  }
  .student {
    color: var(--lb-muted);
    font-size: var(--ha-font-size-s, 13px);
    line-height: 1.4;
    text-align: end;
    margin-top: 4px;
  }
  .content {
    padding: 0 16px 16px;
  }
  .message {
    padding: 8px 16px 20px;
    color: var(--lb-muted);
  }
  .message.error {
    color: var(--lb-error);
  }
  .muted {
    color: var(--lb-muted);
  }
  .section-title {
    margin: 16px 0 6px;
    font-size: var(--ha-font-size-s, 13px);
    font-weight: var(--ha-font-weight-medium, 500);
    text-transform: uppercase;
    letter-spacing: 0.04em;
    color: var(--lb-muted);
  }
  .badge {
    display: inline-block;
    padding: 0 6px;
    border-radius: 9px;
    font-size: 11px;
    font-weight: var(--ha-font-weight-medium, 500);
    line-height: 18px;
    white-space: nowrap;
    vertical-align: 1px;
    color: var(--lb-text);
    background: color-mix(in srgb, var(--tone, var(--lb-muted)) 22%, transparent);
    border: 1px solid color-mix(in srgb, var(--tone, var(--lb-muted)) 55%, transparent);
  }
  .substitution {
    --tone: var(--lb-warning);
  }
  .cancelled {
    --tone: var(--lb-error);
  }
  .moved {
    --tone: var(--lb-primary);
  }
  .free {
    --tone: var(--lb-success);
  }
  button {
    font: inherit;
    color: inherit;
  }
  .icon-button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    width: 36px;
    height: 36px;
    padding: 0;
    border: none;
    border-radius: 50%;
    background: none;
    color: var(--lb-text);
    cursor: pointer;
  }
  .icon-button:hover:not([disabled]) {
    background: var(--lb-surface);
  }
  .icon-button[disabled] {
    color: var(--disabled-text-color, var(--lb-divider));
    cursor: default;
  }
  .icon-button svg {
    width: 24px;
    height: 24px;
    fill: currentColor;
  }
  :focus-visible {
    outline: 2px solid var(--lb-primary);
    outline-offset: 1px;
  }
  .footer {
    padding: 0 16px 12px;
    font-size: 11px;
    color: var(--lb-muted);
  }
  /* grade tones, shared by chips and averages */
  .g6 {
    --tone: var(--lb-success);
    --tone-strength: 40%;
  }
  .g5 {
    --tone: var(--lb-success);
    --tone-strength: 22%;
  }
  .g4 {
    --tone: var(--lb-primary);
    --tone-strength: 20%;
  }
  .g3 {
    --tone: var(--lb-warning);
    --tone-strength: 24%;
  }
  .g2 {
    --tone: color-mix(in srgb, var(--lb-warning) 45%, var(--lb-error));
    --tone-strength: 26%;
  }
  .g1 {
    --tone: var(--lb-error);
    --tone-strength: 30%;
  }
  .plus {
    --tone: var(--lb-success);
    --tone-strength: 10%;
  }
  .minus {
    --tone: var(--lb-error);
    --tone-strength: 10%;
  }
  .other {
    --tone: var(--lb-muted);
    --tone-strength: 10%;
  }
  .grade-chip {
    position: relative;
    display: inline-flex;
    align-items: baseline;
    gap: 1px;
    min-width: 30px;
    height: 28px;
    box-sizing: border-box;
    justify-content: center;
    padding: 0 7px;
    border-radius: 14px;
    border: 1px solid color-mix(in srgb, var(--tone) 70%, transparent);
    background: color-mix(in srgb, var(--tone) var(--tone-strength), transparent);
    color: var(--lb-text);
    font-weight: var(--ha-font-weight-bold, 600);
    font-size: 14px;
    line-height: 26px;
    cursor: pointer;
  }
  .grade-chip .w {
    font-size: 10px;
    font-weight: var(--ha-font-weight-normal, 400);
    color: var(--lb-muted);
    margin-left: 2px;
  }
  .grade-chip.not-counted {
    border-style: dashed;
  }
  .grade-chip.new::after {
    content: "";
    position: absolute;
    top: -3px;
    right: -3px;
    width: 9px;
    height: 9px;
    border-radius: 50%;
    background: var(--lb-primary);
    border: 2px solid var(--card-background-color, var(--ha-card-background, #fff));
  }
  .grade-chip[aria-expanded="true"] {
    outline: 2px solid var(--lb-primary);
    outline-offset: 1px;
  }
`;

/** mdi chevron-left / chevron-right. */
export const ICON_PREV = "M15.41,16.58L10.83,12L15.41,7.41L14,6L8,12L14,18L15.41,16.58Z";
export const ICON_NEXT = "M8.59,16.58L13.17,12L8.59,7.41L10,6L16,12L10,18L8.59,16.58Z";
/** mdi close. */
export const ICON_CLOSE =
  "M19,6.41L17.59,5L12,10.59L6.41,5L5,6.41L10.59,12L5,17.59L6.41,19L12,13.41L17.59,19L19,17.59L13.41,12L19,6.41Z";
/** mdi star. */
export const ICON_STAR =
  "M12,17.27L18.18,21L16.54,13.97L22,9.24L14.81,8.62L12,2L9.19,8.62L2,9.24L7.45,13.97L5.82,21L12,17.27Z";
/** mdi paperclip. */
export const ICON_PAPERCLIP =
  "M16.5,6V17.5A4,4 0 0,1 12.5,21.5A4,4 0 0,1 8.5,17.5V5A2.5,2.5 0 0,1 11,2.5A2.5,2.5 0 0,1 13.5,5V15.5A1,1 0 0,1 12.5,16.5A1,1 0 0,1 11.5,15.5V6H10V15.5A2.5,2.5 0 0,0 12.5,18A2.5,2.5 0 0,0 15,15.5V5A4,4 0 0,0 11,1A4,4 0 0,0 7,5V17.5A5.5,5.5 0 0,0 12.5,23A5.5,5.5 0 0,0 18,17.5V6H16.5Z";
/** mdi open-in-new. */
export const ICON_OPEN =
  "M14,3V5H17.59L7.76,14.83L9.17,16.24L19,6.41V10H21V3M19,19H5V5H12V3H5C3.89,3 3,3.9 3,5V19A2,2 0 0,0 5,21H19A2,2 0 0,0 21,19V12H19V19Z";
