import { css } from 'lit';

export const readerStyles = css`
  :host {
    display: contents;
  }

  dialog {
    --paper: var(--epaper-reader-background, #fffdf8);
    --ink: var(--epaper-reader-color, #1d1b18);
    --muted: color-mix(in srgb, var(--ink) 65%, var(--paper));
    --rule: color-mix(in srgb, var(--ink) 18%, var(--paper));
    box-sizing: border-box;
    width: min(calc(46 * var(--_rem, 16px)), 100vw - calc(1 * var(--_rem, 16px)));
    max-width: none;
    height: min(100dvh - calc(2 * var(--_rem, 16px)), calc(60 * var(--_rem, 16px)));
    max-height: none;
    margin: auto;
    padding: 0;
    border: none;
    border-radius: calc(0.5 * var(--_rem, 16px));
    background: var(--paper);
    color: var(--ink);
    box-shadow: 0 calc(1 * var(--_rem, 16px)) calc(3 * var(--_rem, 16px)) rgb(0 0 0 / 0.35);
    font-family: var(--epaper-font, system-ui, sans-serif);
  }

  dialog[open] {
    display: flex;
    flex-direction: column;
  }

  @media (prefers-color-scheme: dark) {
    dialog.theme-auto {
      --paper: var(--epaper-reader-background-dark, #1c1b19);
      --ink: var(--epaper-reader-color-dark, #ece8e1);
    }
  }

  dialog.theme-dark {
    --paper: var(--epaper-reader-background-dark, #1c1b19);
    --ink: var(--epaper-reader-color-dark, #ece8e1);
  }

  dialog::backdrop {
    background: rgb(20 18 15 / 0.55);
  }

  @media (max-width: calc(40 * var(--_rem, 16px))) {
    dialog {
      width: 100vw;
      height: 100dvh;
      border-radius: 0;
    }
  }

  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: calc(0.5 * var(--_rem, 16px));
    padding: calc(0.5 * var(--_rem, 16px)) calc(0.75 * var(--_rem, 16px));
    border-bottom: 1px solid var(--rule);
  }

  .group {
    display: flex;
    align-items: center;
    gap: calc(0.25 * var(--_rem, 16px));
    flex-wrap: wrap;
  }

  .position {
    font-size: calc(0.8125 * var(--_rem, 16px));
    color: var(--muted);
    min-width: calc(5.5 * var(--_rem, 16px));
    text-align: center;
  }

  button {
    font: inherit;
    font-size: calc(0.875 * var(--_rem, 16px));
    min-width: calc(2.5 * var(--_rem, 16px));
    min-height: calc(2.5 * var(--_rem, 16px));
    padding: 0 calc(0.625 * var(--_rem, 16px));
    border: 1px solid var(--rule);
    border-radius: calc(0.375 * var(--_rem, 16px));
    background: transparent;
    color: inherit;
    cursor: pointer;
  }

  button:hover:not(:disabled) {
    background: color-mix(in srgb, var(--ink) 8%, transparent);
  }

  button:disabled {
    opacity: 0.4;
    cursor: default;
  }

  button[aria-pressed='true'] {
    background: var(--ink);
    color: var(--paper);
  }

  button:focus-visible {
    outline: 3px solid var(--epaper-accent, #0b5cad);
    outline-offset: 2px;
  }

  /* The headline takes focus when the dialog opens so screen readers start there; it is not a control. */
  h2:focus {
    outline: none;
  }

  article:focus-visible {
    outline: 3px solid var(--epaper-accent, #0b5cad);
    outline-offset: -3px;
  }

  .small-a {
    font-size: 0.75em;
  }

  .close {
    font-size: calc(1.25 * var(--_rem, 16px));
  }

  .tools {
    margin-left: auto;
  }

  /* On a phone: story navigation and Close on the first row, the tools below. */
  @media (max-width: 560px) {
    .close {
      order: 1;
    }

    .tools {
      order: 2;
      flex-basis: 100%;
      margin-left: 0;
    }
  }

  article {
    flex: 1;
    overflow: auto;
    padding: calc(1.5 * var(--_rem, 16px)) clamp(calc(1 * var(--_rem, 16px)), 5vw, calc(3 * var(--_rem, 16px))) calc(3 * var(--_rem, 16px));
    font-family: var(--epaper-reader-font, 'Old Standard TT', Georgia, 'Times New Roman', serif);
    font-size: calc(calc(1.125 * var(--_rem, 16px)) * var(--reader-text-size, 1));
    line-height: 1.6;
    overflow-wrap: break-word;
  }

  .kicker {
    margin: 0 0 calc(0.25 * var(--_rem, 16px));
    font-family: var(--epaper-font, system-ui, sans-serif);
    font-size: 0.75em;
    font-weight: 700;
    letter-spacing: 0.08em;
    text-transform: uppercase;
    color: var(--epaper-kicker-color, #a0281e);
  }

  h2 {
    margin: 0;
    font-family: var(--epaper-headline-font, 'Playfair Display', Georgia, serif);
    font-size: 2em;
    line-height: 1.15;
  }

  .deck {
    margin: calc(0.5 * var(--_rem, 16px)) 0 0;
    font-size: 1.15em;
    font-style: italic;
    color: var(--muted);
  }

  .byline,
  .meta {
    margin: calc(0.75 * var(--_rem, 16px)) 0 0;
    font-family: var(--epaper-font, system-ui, sans-serif);
    font-size: 0.8em;
  }

  .byline {
    font-weight: 700;
  }

  .meta {
    margin-top: calc(0.25 * var(--_rem, 16px));
    color: var(--muted);
  }

  header {
    padding-bottom: calc(1 * var(--_rem, 16px));
    margin-bottom: calc(1 * var(--_rem, 16px));
    border-bottom: 1px solid var(--rule);
  }

  .caption {
    font-family: var(--epaper-font, system-ui, sans-serif);
    font-size: 0.8em;
    color: var(--muted);
  }

  .credit {
    font-style: italic;
  }

  h3 {
    margin: 1.5em 0 0.25em;
    font-family: var(--epaper-font, system-ui, sans-serif);
    font-size: 1em;
  }

  p {
    margin: 0 0 0.85em;
  }

  blockquote {
    margin: 1em 0;
    padding-left: 1em;
    border-left: 3px solid var(--rule);
    font-style: italic;
  }

  .bio {
    margin-top: 2em;
    padding-top: 1em;
    border-top: 1px solid var(--rule);
    font-style: italic;
    color: var(--muted);
  }

  .notice {
    margin: 0;
    padding: 0 calc(1 * var(--_rem, 16px));
    font-size: calc(0.875 * var(--_rem, 16px));
    min-height: 0;
  }

  .notice:not(:empty) {
    padding: calc(0.5 * var(--_rem, 16px)) calc(1 * var(--_rem, 16px));
    border-top: 1px solid var(--rule);
  }
`;
