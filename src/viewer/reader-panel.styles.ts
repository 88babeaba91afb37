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
    width: min(46rem, 100vw - 1rem);
    max-width: none;
    height: min(100dvh - 2rem, 60rem);
    max-height: none;
    margin: auto;
    padding: 0;
    border: none;
    border-radius: 0.5rem;
    background: var(--paper);
    color: var(--ink);
    box-shadow: 0 1rem 3rem rgb(0 0 0 / 0.35);
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

  @media (max-width: 40rem) {
    dialog {
      width: 100vw;
      height: 100dvh;
      border-radius: 0;
    }
  }

  .bar {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0.5rem;
    padding: 0.5rem 0.75rem;
    border-bottom: 1px solid var(--rule);
  }

  .group {
    display: flex;
    align-items: center;
    gap: 0.25rem;
    flex-wrap: wrap;
  }

  .position {
    font-size: 0.8125rem;
    color: var(--muted);
    min-width: 5.5rem;
    text-align: center;
  }

  button {
    font: inherit;
    font-size: 0.875rem;
    min-width: 2.5rem;
    min-height: 2.5rem;
    padding: 0 0.625rem;
    border: 1px solid var(--rule);
    border-radius: 0.375rem;
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
    font-size: 1.25rem;
  }

  article {
    flex: 1;
    overflow: auto;
    padding: 1.5rem clamp(1rem, 5vw, 3rem) 3rem;
    font-family: var(--epaper-reader-font, 'Old Standard TT', Georgia, 'Times New Roman', serif);
    font-size: calc(1.125rem * var(--reader-text-size, 1));
    line-height: 1.6;
    overflow-wrap: break-word;
  }

  .kicker {
    margin: 0 0 0.25rem;
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
    margin: 0.5rem 0 0;
    font-size: 1.15em;
    font-style: italic;
    color: var(--muted);
  }

  .byline,
  .meta {
    margin: 0.75rem 0 0;
    font-family: var(--epaper-font, system-ui, sans-serif);
    font-size: 0.8em;
  }

  .byline {
    font-weight: 700;
  }

  .meta {
    margin-top: 0.25rem;
    color: var(--muted);
  }

  header {
    padding-bottom: 1rem;
    margin-bottom: 1rem;
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
    padding: 0 1rem;
    font-size: 0.875rem;
    min-height: 0;
  }

  .notice:not(:empty) {
    padding: 0.5rem 1rem;
    border-top: 1px solid var(--rule);
  }
`;
