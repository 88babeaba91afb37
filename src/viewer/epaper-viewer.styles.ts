import { css } from 'lit';

export const viewerStyles = css`
  /*
   * The host page's CSS reaches the element itself and wins over :host (CSS
   * Scoping, "outer context wins"), and inherited properties (font, line
   * height, letter spacing, text alignment …) flow into the shadow tree. So
   * :host only sizes the box; everything else lives on .root, which resets
   * every inherited property (all: initial) and fills the host whatever its
   * display is.
   */
  :host {
    display: block;
    position: relative;
    height: 100%;
    min-height: 320px;
  }

  :host([hidden]) {
    display: none;
  }

  .root {
    all: initial;
    /* The reader's default font size (font-size: medium), measured at run time: the host page's rem is not ours. */
    --_rem: 16px;
    --_accent: var(--epaper-accent, #0b5cad);
    --_toolbar-bg: var(--epaper-toolbar-background, #ffffff);
    --_toolbar-fg: var(--epaper-toolbar-color, #1d1b18);
    --_rule: color-mix(in srgb, var(--_toolbar-fg) 16%, var(--_toolbar-bg));
    --_turn: var(--epaper-turn-duration, 220ms);
    position: absolute;
    inset: 0;
    display: flex;
    flex-direction: column;
    box-sizing: border-box;
    overflow: hidden;
    background: var(--epaper-background, #dcd9d2);
    color: var(--_toolbar-fg);
    font-family: var(--epaper-font, system-ui, -apple-system, 'Segoe UI', sans-serif);
    font-size: calc(0.9375 * var(--_rem));
    line-height: normal;
    text-align: start;
    container-type: inline-size;
  }

  .rem-probe {
    position: absolute;
    visibility: hidden;
    font-size: medium;
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  button,
  input,
  select {
    font: inherit;
    color: inherit;
  }

  :focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  /* ——— Toolbar ——— */

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(0.25 * var(--_rem)) calc(0.75 * var(--_rem));
    padding: calc(0.375 * var(--_rem)) calc(0.625 * var(--_rem));
    background: var(--_toolbar-bg);
    border-bottom: 1px solid var(--_rule);
    z-index: 2;
  }

  .group {
    display: flex;
    align-items: center;
    gap: calc(0.125 * var(--_rem));
  }

  .brand {
    gap: calc(0.5 * var(--_rem));
    min-width: 0;
  }

  .title {
    font-weight: 700;
    white-space: nowrap;
  }

  .toolbar button,
  .panel-head button {
    display: inline-grid;
    place-items: center;
    min-width: calc(2.5 * var(--_rem));
    min-height: calc(2.5 * var(--_rem));
    padding: 0 calc(0.5 * var(--_rem));
    border: 1px solid transparent;
    border-radius: calc(0.375 * var(--_rem));
    background: transparent;
    cursor: pointer;
  }

  .toolbar button:hover:not(:disabled),
  .panel-head button:hover {
    background: color-mix(in srgb, var(--_toolbar-fg) 8%, transparent);
  }

  .toolbar button:disabled {
    opacity: 0.35;
    cursor: default;
  }

  .toolbar button[aria-pressed='true'],
  .toolbar button[aria-expanded='true'] {
    background: color-mix(in srgb, var(--_accent) 14%, transparent);
    color: var(--_accent);
  }

  select,
  .page-box {
    min-height: calc(2.25 * var(--_rem));
    border: 1px solid var(--_rule);
    border-radius: calc(0.375 * var(--_rem));
    background: var(--_toolbar-bg);
  }

  select {
    max-width: calc(16 * var(--_rem));
    padding: 0 calc(0.375 * var(--_rem));
  }

  .page-box {
    width: calc(3 * var(--_rem));
    text-align: center;
  }

  .count {
    padding: 0 calc(0.25 * var(--_rem));
    white-space: nowrap;
  }

  .percent {
    min-width: calc(3.5 * var(--_rem));
    text-align: center;
    font-variant-numeric: tabular-nums;
  }

  .sections {
    display: flex;
    flex: 1 1 calc(12 * var(--_rem));
    gap: calc(0.125 * var(--_rem));
    min-width: 0;
    overflow-x: auto;
    scrollbar-width: none;
  }

  .sections button {
    white-space: nowrap;
    border-bottom: 2px solid transparent;
    border-radius: calc(0.375 * var(--_rem)) calc(0.375 * var(--_rem)) 0 0;
  }

  .sections button[aria-current='true'] {
    border-bottom-color: var(--_accent);
    color: var(--_accent);
    font-weight: 600;
  }

  .icon {
    display: block;
  }

  /* Narrower: the section tabs get a row of their own; then the title goes; on a phone, the zoom
     buttons too (pinch and double-tap zoom there, and + and − still work from a keyboard). */
  @container (max-width: 1152px) {
    .sections {
      order: 10;
      flex-basis: 100%;
    }
    .pager {
      margin-inline-start: auto;
    }
  }

  @container (max-width: 832px) {
    .title,
    .percent {
      display: none;
    }
  }

  @container (max-width: 576px) {
    .toolbar {
      gap: calc(0.125 * var(--_rem)) calc(0.25 * var(--_rem));
      padding: calc(0.25 * var(--_rem)) calc(0.375 * var(--_rem));
    }
    .zoom {
      display: none;
    }
    select {
      max-width: calc(8.5 * var(--_rem));
    }
    .toolbar button {
      min-width: calc(2.25 * var(--_rem));
      padding: 0 calc(0.25 * var(--_rem));
    }
  }

  /* ——— Stage and pages ——— */

  .body {
    position: relative;
    flex: 1;
    min-height: 0;
    display: flex;
  }

  .stage {
    position: relative;
    flex: 1;
    min-width: 0;
    overflow: auto;
    touch-action: none;
    overscroll-behavior: contain;
  }

  .stage:focus-visible {
    outline-offset: -3px;
  }

  .surface {
    position: relative;
  }

  .spread {
    position: absolute;
    display: flex;
    align-items: flex-start;
  }

  @media (prefers-reduced-motion: no-preference) {
    .spread.turn-next {
      animation: turn-next var(--_turn) ease-out;
    }
    .spread.turn-previous {
      animation: turn-previous var(--_turn) ease-out;
    }
  }

  @keyframes turn-next {
    from {
      transform: translateX(12%);
      opacity: 0.4;
    }
  }

  @keyframes turn-previous {
    from {
      transform: translateX(-12%);
      opacity: 0.4;
    }
  }

  .sheet {
    position: relative;
    flex: none;
    background: #fff;
    box-shadow: var(--epaper-page-shadow, 0 1px 3px rgb(0 0 0 / 0.25), 0 4px 16px rgb(0 0 0 / 0.12));
    overflow: hidden;
  }

  .sheet + .sheet {
    border-left: 1px solid rgb(0 0 0 / 0.12);
  }

  .preview,
  .base {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    display: block;
  }

  .detail {
    position: absolute;
    display: block;
  }

  .overlay {
    position: absolute;
    inset: 0;
  }

  .hotspot {
    position: absolute;
    margin: 0;
    padding: 0;
    border: 0;
    background: none;
    pointer-events: none;
    cursor: pointer;
  }

  .hotspot:focus-visible {
    outline: none;
  }

  .box {
    position: absolute;
    pointer-events: auto;
    border-radius: 2px;
    transition: background-color 120ms;
  }

  .hotspot:hover .box {
    background: var(--epaper-hotspot-highlight, color-mix(in srgb, var(--_accent) 12%, transparent));
    outline: 1px solid color-mix(in srgb, var(--_accent) 45%, transparent);
  }

  .hotspot:focus-visible .box {
    background: var(--epaper-hotspot-highlight, color-mix(in srgb, var(--_accent) 10%, transparent));
    outline: 3px solid var(--_accent);
  }

  .hotspot.highlight .box {
    background: var(--epaper-search-highlight, rgb(255 204 0 / 0.32));
    outline: 2px solid rgb(214 160 0 / 0.9);
  }

  /* A jump line or index entry: only underlined, since the printed words already say where they lead. */
  .link {
    position: absolute;
    margin: 0;
    padding: 0;
    border: 0;
    background: none;
    box-shadow: inset 0 -1.5px 0 color-mix(in srgb, var(--_accent) 55%, transparent);
    cursor: pointer;
  }

  .link:hover,
  .link:focus-visible {
    background: color-mix(in srgb, var(--_accent) 16%, transparent);
  }

  .page-error {
    position: absolute;
    inset: auto 8% 40% 8%;
    padding: calc(1 * var(--_rem));
    background: #fff;
    border: 2px solid #a0281e;
    border-radius: calc(0.5 * var(--_rem));
    text-align: center;
  }

  .page-error button,
  .error button {
    min-height: calc(2.5 * var(--_rem));
    padding: 0 calc(1 * var(--_rem));
    border: 1px solid currentColor;
    border-radius: calc(0.375 * var(--_rem));
    background: transparent;
    cursor: pointer;
  }

  .loading {
    margin: calc(4 * var(--_rem)) auto;
    text-align: center;
  }

  .error {
    max-width: calc(32 * var(--_rem));
    margin: calc(4 * var(--_rem)) auto;
    padding: calc(1.5 * var(--_rem));
    background: var(--_toolbar-bg);
    border-left: 4px solid #a0281e;
    border-radius: calc(0.25 * var(--_rem));
  }

  .error h2 {
    margin: 0 0 calc(0.5 * var(--_rem));
    font-size: calc(1.25 * var(--_rem));
  }

  /* ——— Side panel ——— */

  .panel {
    display: flex;
    flex-direction: column;
    width: min(calc(22 * var(--_rem)), 100%);
    background: var(--_toolbar-bg);
    border-left: 1px solid var(--_rule);
    z-index: 1;
  }

  @container (max-width: 640px) {
    .panel {
      position: absolute;
      inset: 0;
      width: auto;
    }
  }

  .panel-head {
    display: flex;
    align-items: center;
    justify-content: space-between;
    padding: calc(0.25 * var(--_rem)) calc(0.5 * var(--_rem)) calc(0.25 * var(--_rem)) calc(1 * var(--_rem));
    border-bottom: 1px solid var(--_rule);
  }

  .panel-head h2 {
    margin: 0;
    font-size: calc(1 * var(--_rem));
  }

  .thumbnails {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(calc(7 * var(--_rem)), 1fr));
    gap: calc(0.75 * var(--_rem));
    margin: 0;
    padding: calc(1 * var(--_rem));
    overflow: auto;
    list-style: none;
  }

  .thumbnails button {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: calc(0.25 * var(--_rem));
    width: 100%;
    padding: calc(0.25 * var(--_rem));
    border: 2px solid transparent;
    border-radius: calc(0.375 * var(--_rem));
    background: none;
    cursor: pointer;
  }

  .thumbnails button[aria-current='page'] {
    border-color: var(--_accent);
  }

  .thumbnails img,
  .thumbnails .thumb,
  .thumbnails .blank {
    display: block;
    width: 100%;
    background: #fff;
    box-shadow: 0 1px 3px rgb(0 0 0 / 0.3);
  }

  .thumbnails .label {
    font-size: calc(0.8125 * var(--_rem));
  }

  .search {
    padding: calc(0.75 * var(--_rem)) calc(1 * var(--_rem)) 0;
  }

  .search input {
    width: 100%;
    min-height: calc(2.5 * var(--_rem));
    padding: 0 calc(0.75 * var(--_rem));
    border: 1px solid var(--_rule);
    border-radius: calc(0.375 * var(--_rem));
  }

  .hit-count {
    margin: calc(0.5 * var(--_rem)) calc(1 * var(--_rem));
    font-size: calc(0.8125 * var(--_rem));
  }

  .hits {
    margin: 0;
    padding: 0 calc(0.5 * var(--_rem)) calc(1 * var(--_rem));
    overflow: auto;
    list-style: none;
  }

  .hits button {
    display: grid;
    gap: calc(0.125 * var(--_rem));
    width: 100%;
    padding: calc(0.5 * var(--_rem));
    border: 0;
    border-radius: calc(0.375 * var(--_rem));
    background: none;
    text-align: start;
    cursor: pointer;
  }

  .hits button:hover {
    background: color-mix(in srgb, var(--_toolbar-fg) 6%, transparent);
  }

  .hit-page {
    font-size: calc(0.75 * var(--_rem));
    font-weight: 600;
    color: var(--_accent);
  }

  .hit-headline {
    font-weight: 600;
  }

  .hit-snippet {
    font-size: calc(0.8125 * var(--_rem));
    line-height: 1.4;
  }

  mark {
    background: rgb(255 204 0 / 0.5);
    color: inherit;
  }

  /* ——— Saved editions ——— */

  .library {
    display: grid;
    gap: calc(0.75 * var(--_rem));
    padding: calc(1 * var(--_rem));
    overflow: auto;
  }

  .library h3 {
    margin: calc(0.5 * var(--_rem)) 0 0;
    font-size: calc(0.9375 * var(--_rem));
  }

  .library p {
    margin: 0;
  }

  .library button,
  .library select {
    min-height: calc(2.25 * var(--_rem));
    padding: 0 calc(0.75 * var(--_rem));
    border: 1px solid var(--_rule);
    border-radius: calc(0.375 * var(--_rem));
    background: var(--_toolbar-bg);
    color: inherit;
    font: inherit;
    cursor: pointer;
  }

  /* Search over the saved editions: the search panel's look inside the library's padding. */
  .library .saved-search {
    padding: 0;
  }

  .library .hit-count {
    margin: 0;
  }

  .library .hits {
    padding: 0;
    overflow: visible;
  }

  .library .hits button {
    min-height: 0;
    padding: calc(0.5 * var(--_rem));
    border: 0;
    background: none;
  }

  .library .hits button:hover {
    background: color-mix(in srgb, var(--_toolbar-fg) 6%, transparent);
  }

  .library .save {
    background: var(--_accent);
    border-color: var(--_accent);
    color: #fff;
  }

  .saving {
    display: grid;
    gap: calc(0.25 * var(--_rem));
  }

  .saving progress {
    display: block;
    width: 100%;
  }

  .save-progress,
  .saved-meta,
  .storage {
    font-size: calc(0.8125 * var(--_rem));
  }

  .library-error {
    padding: calc(0.5 * var(--_rem)) calc(0.75 * var(--_rem));
    border-left: 4px solid #a0281e;
    background: color-mix(in srgb, #a0281e 8%, transparent);
  }

  .saved {
    display: grid;
    gap: calc(0.5 * var(--_rem));
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .saved li {
    display: grid;
    grid-template-columns: calc(3.5 * var(--_rem)) 1fr auto;
    gap: calc(0.25 * var(--_rem)) calc(0.75 * var(--_rem));
    align-items: center;
    padding-bottom: calc(0.5 * var(--_rem));
    border-bottom: 1px solid var(--_rule);
  }

  .saved-cover {
    grid-row: 1 / span 3;
    grid-column: 1;
    align-self: start;
    display: block;
    width: 100%;
    height: auto;
    border: 1px solid var(--_rule);
    background: #fff;
  }

  .saved .saved-open {
    grid-column: 2 / -1;
    justify-self: start;
    font-weight: 600;
  }

  .saved-meta {
    grid-column: 2 / -1;
  }

  .saved-pin {
    grid-column: 2;
  }

  .saved-delete {
    grid-column: 3;
  }

  .setting {
    display: flex;
    gap: calc(0.5 * var(--_rem));
    align-items: center;
  }

  .offline-note {
    margin: 0;
    padding: calc(0.375 * var(--_rem)) calc(1 * var(--_rem));
    background: #fff4ce;
    color: #1d1b18;
    font-size: calc(0.8125 * var(--_rem));
  }
`;
