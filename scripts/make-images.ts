/**
 * make-images.ts — draws the stock pictures and house adverts for the e-paper.
 *
 * Everything is procedural (drawn with @napi-rs/canvas) and deterministic: a
 * seeded PRNG stands in for Math.random, so running the script twice writes
 * byte-identical files.
 *
 *   editions/<date>/images/*.jpg   11 landscape "news photos" (1200×800) and
 *                                  3 columnist portraits (600×750) per date
 *   editions/adverts/*.png         5 house adverts in three aspect ratios
 *
 * Scene pictures are seeded by date + name, so each date gets a different
 * harbor, storm, etc.; portraits are seeded by name only, so each columnist
 * looks the same every day.
 *
 * Fonts come from node_modules/@fontsource (Latin .woff files, registered with
 * GlobalFonts, which reads WOFF directly). Body copy is in Old Standard TT, the
 * paper's body face.
 *
 * Run:  npx tsx scripts/make-images.ts            (everything)
 *       npx tsx scripts/make-images.ts harbor adverts portraits   (just those)
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import type { Canvas, SKRSContext2D } from '@napi-rs/canvas';

type Ctx = SKRSContext2D;
type RGB = [number, number, number];
type Vec3 = [number, number, number];
type Pt = [number, number];

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const EDITIONS = join(ROOT, 'editions');
const DATES = ['2025-11-08', '2025-11-09', '2025-11-10'];
const PHOTO_W = 1200;
const PHOTO_H = 800;
const PORTRAIT_W = 600;
const PORTRAIT_H = 750;
const JPEG_QUALITY = 82;

// ---------------------------------------------------------------------------
// Seeded randomness
// ---------------------------------------------------------------------------

/** FNV-1a hash of a string, used to turn "2025-11-08/harbor" into a seed. */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Small, fast seeded PRNG (mulberry32) with a few convenience draws. */
class Rng {
  private state: number;
  constructor(seed: string | number) {
    this.state = typeof seed === 'number' ? seed >>> 0 : hashString(seed);
  }
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  range(a: number, b: number): number {
    return a + (b - a) * this.next();
  }
  int(a: number, b: number): number {
    return Math.floor(this.range(a, b + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  /** Roughly normal, mean 0, sd ~1. */
  gauss(): number {
    return (this.next() + this.next() + this.next() + this.next() - 2) * 1.732;
  }
  /** A child generator, so one part of a scene can't shift another's draws. */
  fork(label: string): Rng {
    return new Rng(hashString(label + ':' + this.next()));
  }
}

/** Smooth 1-D value noise in roughly [-1, 1], for ridges, skylines, waves. */
function noise1D(rng: Rng, octaves = 4): (x: number) => number {
  const tables = Array.from({ length: octaves }, () =>
    Array.from({ length: 256 }, () => rng.range(-1, 1)),
  );
  return (x: number) => {
    let sum = 0;
    let amp = 1;
    let freq = 1;
    let norm = 0;
    for (const t of tables) {
      const xf = x * freq;
      const i = Math.floor(xf);
      const f = xf - i;
      const s = f * f * (3 - 2 * f);
      const a = t[i & 255]!;
      const b = t[(i + 1) & 255]!;
      sum += (a + (b - a) * s) * amp;
      norm += amp;
      amp *= 0.5;
      freq *= 2;
    }
    return sum / norm;
  };
}

// ---------------------------------------------------------------------------
// Colour helpers
// ---------------------------------------------------------------------------

function hex(s: string): RGB {
  const n = parseInt(s.replace('#', ''), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}
function css(c: RGB, a = 1): string {
  const r = Math.round(Math.max(0, Math.min(255, c[0])));
  const g = Math.round(Math.max(0, Math.min(255, c[1])));
  const b = Math.round(Math.max(0, Math.min(255, c[2])));
  return a >= 1 ? `rgb(${r},${g},${b})` : `rgba(${r},${g},${b},${a.toFixed(3)})`;
}
function mix(a: RGB, b: RGB, t: number): RGB {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}
function shade(c: RGB, k: number): RGB {
  return [c[0] * k, c[1] * k, c[2] * k];
}
/** Jitter a colour's brightness and hue a little, for natural variety. */
function vary(rng: Rng, c: RGB, amount = 0.08): RGB {
  const k = 1 + rng.range(-amount, amount);
  return [
    c[0] * k * (1 + rng.range(-amount, amount) * 0.4),
    c[1] * k * (1 + rng.range(-amount, amount) * 0.4),
    c[2] * k * (1 + rng.range(-amount, amount) * 0.4),
  ];
}

// ---------------------------------------------------------------------------
// A tiny 3-D camera: enough perspective for quays, streets, pitches and hulls
// ---------------------------------------------------------------------------

/**
 * World space: x right, y up, z forward (away from the viewer); metres.
 * `pitch` > 0 tilts the camera down; `yaw` > 0 turns it to the right.
 * A mirrored camera draws the reflection of the scene in the plane y = 0.
 */
class Camera {
  constructor(
    public pos: Vec3,
    public f: number,
    public cx: number,
    public cy: number,
    public yaw = 0,
    public pitch = 0,
    public mirror = false,
  ) {}
  mirrored(): Camera {
    return new Camera(this.pos, this.f, this.cx, this.cy, this.yaw, this.pitch, true);
  }
  /** The camera position to test faces against (reflected for mirror views). */
  get eye(): Vec3 {
    return this.mirror ? [this.pos[0], -this.pos[1], this.pos[2]] : this.pos;
  }
  toCamera(p: Vec3): Vec3 {
    let x = p[0] - this.pos[0];
    let y = (this.mirror ? -p[1] : p[1]) - this.pos[1];
    let z = p[2] - this.pos[2];
    if (this.yaw) {
      const c = Math.cos(this.yaw);
      const s = Math.sin(this.yaw);
      [x, z] = [x * c - z * s, x * s + z * c];
    }
    if (this.pitch) {
      const c = Math.cos(this.pitch);
      const s = Math.sin(this.pitch);
      [y, z] = [y * c + z * s, -y * s + z * c];
    }
    return [x, y, z];
  }
  projectCam(q: Vec3): Pt {
    return [this.cx + (this.f * q[0]) / q[2], this.cy - (this.f * q[1]) / q[2]];
  }
  project(p: Vec3): Pt {
    return this.projectCam(this.toCamera(p));
  }
  depth(p: Vec3): number {
    return this.toCamera(p)[2];
  }
  /** Pixels per metre at a world point (for sizing sprites). */
  scaleAt(p: Vec3): number {
    return this.f / Math.max(0.1, this.toCamera(p)[2]);
  }
  /** Screen y of the horizon (where y = camera height meets infinity). */
  get horizon(): number {
    return this.cy - this.f * Math.tan(this.pitch);
  }
}

const NEAR = 0.3;

/** Clip a camera-space polygon to z >= NEAR (Sutherland–Hodgman, one plane). */
function clipNear(pts: Vec3[]): Vec3[] {
  const out: Vec3[] = [];
  for (let i = 0; i < pts.length; i++) {
    const a = pts[i]!;
    const b = pts[(i + 1) % pts.length]!;
    const ain = a[2] >= NEAR;
    const bin = b[2] >= NEAR;
    if (ain) out.push(a);
    if (ain !== bin) {
      const t = (NEAR - a[2]) / (b[2] - a[2]);
      out.push([a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, NEAR]);
    }
  }
  return out;
}

/** Trace a world-space polygon as the current path. False if it is behind us. */
function path3(ctx: Ctx, cam: Camera, pts: Vec3[]): boolean {
  const clipped = clipNear(pts.map((p) => cam.toCamera(p)));
  if (clipped.length < 3) return false;
  ctx.beginPath();
  clipped.forEach((q, i) => {
    const [x, y] = cam.projectCam(q);
    if (i === 0) ctx.moveTo(x, y);
    else ctx.lineTo(x, y);
  });
  ctx.closePath();
  return true;
}

function fill3(ctx: Ctx, cam: Camera, pts: Vec3[], style: string): void {
  if (!path3(ctx, cam, pts)) return;
  ctx.fillStyle = style;
  ctx.fill();
}

/** A world-space line (clipped to the near plane). */
function line3(ctx: Ctx, cam: Camera, a: Vec3, b: Vec3, style: string, width: number): void {
  let qa = cam.toCamera(a);
  let qb = cam.toCamera(b);
  if (qa[2] < NEAR && qb[2] < NEAR) return;
  if (qa[2] < NEAR || qb[2] < NEAR) {
    const t = (NEAR - qa[2]) / (qb[2] - qa[2]);
    const m: Vec3 = [qa[0] + (qb[0] - qa[0]) * t, qa[1] + (qb[1] - qa[1]) * t, NEAR];
    if (qa[2] < NEAR) qa = m;
    else qb = m;
  }
  const [x0, y0] = cam.projectCam(qa);
  const [x1, y1] = cam.projectCam(qb);
  ctx.beginPath();
  ctx.moveTo(x0, y0);
  ctx.lineTo(x1, y1);
  ctx.strokeStyle = style;
  ctx.lineWidth = width;
  ctx.stroke();
}

function sub(a: Vec3, b: Vec3): Vec3 {
  return [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
}
function cross(a: Vec3, b: Vec3): Vec3 {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}
function dot(a: Vec3, b: Vec3): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}
function norm(a: Vec3): Vec3 {
  const l = Math.hypot(a[0], a[1], a[2]) || 1;
  return [a[0] / l, a[1] / l, a[2] / l];
}
function centroid(pts: Vec3[]): Vec3 {
  const c: Vec3 = [0, 0, 0];
  for (const p of pts) {
    c[0] += p[0];
    c[1] += p[1];
    c[2] += p[2];
  }
  return [c[0] / pts.length, c[1] / pts.length, c[2] / pts.length];
}
/** Point at (u, v) in a quad given as [bottom-left, bottom-right, top-right, top-left]. */
function quadAt(q: Vec3[], u: number, v: number): Vec3 {
  const lerp = (a: Vec3, b: Vec3, t: number): Vec3 => [
    a[0] + (b[0] - a[0]) * t,
    a[1] + (b[1] - a[1]) * t,
    a[2] + (b[2] - a[2]) * t,
  ];
  return lerp(lerp(q[0]!, q[1]!, u), lerp(q[3]!, q[2]!, u), v);
}
/** The sub-rectangle [u0,u1]×[v0,v1] of a quad, as a quad. */
function subQuad(q: Vec3[], u0: number, v0: number, u1: number, v1: number): Vec3[] {
  return [quadAt(q, u0, v0), quadAt(q, u1, v0), quadAt(q, u1, v1), quadAt(q, u0, v1)];
}

/** Soft, overcast-style light from the upper left, slightly behind the viewer. */
const LIGHT: Vec3 = norm([-0.5, 0.8, -0.45]);

function litColour(base: RGB, normal: Vec3, ambient = 0.62, light: Vec3 = LIGHT): RGB {
  const d = Math.max(0, dot(normal, light));
  return shade(base, ambient + (1 - ambient) * d * 1.15);
}

interface Face {
  pts: Vec3[];
  normal: Vec3;
  /** Index of the side face (edge i of the outline); -1 the top, -2 the bottom. */
  index: number;
}

/**
 * Faces of a convex solid made by joining an outline at one height to an
 * outline (same number of points) at another: boxes, hulls, tapered towers.
 * Returns only faces that point toward the camera, far ones first.
 */
function loftFaces(cam: Camera, bottom: Vec3[], top: Vec3[], withTop = true, withBottom = false): Face[] {
  const centre = centroid([...bottom, ...top]);
  const faces: Face[] = [];
  const n = bottom.length;
  const addFace = (pts: Vec3[], index: number) => {
    const c = centroid(pts);
    let nrm = norm(cross(sub(pts[1]!, pts[0]!), sub(pts[pts.length - 1]!, pts[0]!)));
    if (dot(nrm, sub(c, centre)) < 0) nrm = [-nrm[0], -nrm[1], -nrm[2]];
    if (dot(nrm, sub(cam.eye, c)) > 0) faces.push({ pts, normal: nrm, index });
  };
  for (let i = 0; i < n; i++) {
    const j = (i + 1) % n;
    addFace([bottom[i]!, bottom[j]!, top[j]!, top[i]!], i);
  }
  if (withTop) addFace([...top].reverse(), -1);
  if (withBottom) addFace([...bottom], -2);
  const eye = cam.eye;
  const dist = (f: Face) => {
    const c = centroid(f.pts);
    return Math.hypot(c[0] - eye[0], c[1] - eye[1], c[2] - eye[2]);
  };
  return faces.sort((a, b) => dist(b) - dist(a));
}

/** An axis-aligned box, each visible face lit by LIGHT. */
function box3(
  ctx: Ctx,
  cam: Camera,
  x0: number,
  x1: number,
  y0: number,
  y1: number,
  z0: number,
  z1: number,
  colour: RGB,
  decorate?: (face: Face, ctx: Ctx) => void,
): void {
  const outline = (y: number): Vec3[] => [
    [x0, y, z0],
    [x1, y, z0],
    [x1, y, z1],
    [x0, y, z1],
  ];
  for (const face of loftFaces(cam, outline(y0), outline(y1))) {
    fill3(ctx, cam, face.pts, css(litColour(colour, face.normal)));
    decorate?.(face, ctx);
  }
}

/** Place a model point: rotate by `yaw` about the y axis, then move to `at`. */
function placer(at: Vec3, yaw: number): (p: Vec3) => Vec3 {
  const c = Math.cos(yaw);
  const s = Math.sin(yaw);
  return (p) => [at[0] + p[0] * c + p[2] * s, at[1] + p[1], at[2] - p[0] * s + p[2] * c];
}

/** A box in a model's own coordinates, placed in the world by `P`. */
function modelBox(
  ctx: Ctx,
  cam: Camera,
  P: (p: Vec3) => Vec3,
  x0: number,
  x1: number,
  y0: number,
  y1: number,
  z0: number,
  z1: number,
  colour: RGB,
  decorate?: (face: Face, ctx: Ctx) => void,
  ambient = 0.62,
): void {
  const outline = (y: number): Vec3[] =>
    ([[x0, y, z0], [x1, y, z0], [x1, y, z1], [x0, y, z1]] as Vec3[]).map(P);
  for (const f of loftFaces(cam, outline(y0), outline(y1))) {
    fillFace(ctx, cam, f, colour, ambient);
    decorate?.(f, ctx);
  }
}

// ---------------------------------------------------------------------------
// 2-D painting helpers: gradients, soft shapes, haze, grain
// ---------------------------------------------------------------------------

function newCanvas(w: number, h: number): { canvas: Canvas; ctx: Ctx } {
  const canvas = createCanvas(w, h);
  const ctx = canvas.getContext('2d');
  ctx.lang = 'en';
  return { canvas, ctx };
}

/** Vertical gradient through evenly spaced (or [stop, colour]) colours. */
function vGradient(ctx: Ctx, y0: number, y1: number, stops: Array<[number, RGB]>): CanvasGradient {
  const g = ctx.createLinearGradient(0, y0, 0, y1);
  for (const [t, c] of stops) g.addColorStop(t, css(c));
  return g;
}

function fillRectGradient(
  ctx: Ctx,
  x: number,
  y: number,
  w: number,
  h: number,
  stops: Array<[number, RGB]>,
): void {
  ctx.fillStyle = vGradient(ctx, y, y + h, stops);
  ctx.fillRect(x, y, w, h);
}

/** A radial glow or shadow that fades to nothing at its edge. */
function softSpot(ctx: Ctx, x: number, y: number, rx: number, ry: number, c: RGB, a: number): void {
  if (rx <= 0 || ry <= 0) return;
  ctx.save();
  ctx.translate(x, y);
  ctx.scale(1, ry / rx);
  const g = ctx.createRadialGradient(0, 0, 0, 0, 0, rx);
  g.addColorStop(0, css(c, a));
  g.addColorStop(0.5, css(c, a * 0.55));
  g.addColorStop(1, css(c, 0));
  ctx.fillStyle = g;
  ctx.fillRect(-rx, -rx, rx * 2, rx * 2);
  ctx.restore();
}

/** Draw something on its own layer, then composite it blurred and/or faded. */
function layer(
  ctx: Ctx,
  w: number,
  h: number,
  draw: (l: Ctx) => void,
  opts: { blur?: number; alpha?: number; op?: GlobalCompositeOperation } = {},
): void {
  const { canvas, ctx: l } = newCanvas(w, h);
  draw(l);
  ctx.save();
  if (opts.blur) ctx.filter = `blur(${opts.blur}px)`;
  ctx.globalAlpha = opts.alpha ?? 1;
  if (opts.op) ctx.globalCompositeOperation = opts.op;
  ctx.drawImage(canvas, 0, 0);
  ctx.restore();
}

/** Billowing cloud masses: many soft ellipses in a band of the sky. */
function clouds(
  ctx: Ctx,
  rng: Rng,
  w: number,
  h: number,
  o: { y0: number; y1: number; count: number; light: RGB; dark: RGB; size: number; alpha: number; blur: number },
): void {
  layer(
    ctx,
    w,
    h,
    (l) => {
      for (let i = 0; i < o.count; i++) {
        const y = rng.range(o.y0, o.y1);
        const depth = (y - o.y0) / Math.max(1, o.y1 - o.y0); // lower = farther = flatter
        const rx = o.size * rng.range(0.5, 1.4) * (1.2 - depth * 0.6);
        const ry = rx * rng.range(0.25, 0.5) * (1 - depth * 0.5);
        const x = rng.range(-rx, w + rx);
        // Lit tops, darker bellies.
        softSpot(l, x, y, rx, ry, mix(o.light, o.dark, rng.range(0.2, 1)), o.alpha);
        softSpot(l, x + rx * 0.1, y - ry * 0.35, rx * 0.7, ry * 0.6, o.light, o.alpha * 0.6);
      }
    },
    { blur: o.blur },
  );
}

/** A ridge of hills or a distant shore between y = base and base - height. */
function ridge(
  ctx: Ctx,
  rng: Rng,
  w: number,
  base: number,
  height: number,
  colour: string | CanvasGradient,
  roughness = 1,
): void {
  const n = noise1D(rng, 5);
  const off = rng.range(0, 100);
  ctx.beginPath();
  ctx.moveTo(0, base + 2);
  for (let x = 0; x <= w; x += 4) {
    const v = (n(off + (x / w) * 3 * roughness) + 1) / 2;
    ctx.lineTo(x, base - v * height);
  }
  ctx.lineTo(w, base + 2);
  ctx.closePath();
  ctx.fillStyle = colour;
  ctx.fill();
}

/** Darken the corners like a real lens. */
function vignette(ctx: Ctx, w: number, h: number, strength = 0.35): void {
  const g = ctx.createRadialGradient(w / 2, h / 2, Math.min(w, h) * 0.35, w / 2, h / 2, Math.hypot(w, h) * 0.55);
  g.addColorStop(0, 'rgba(0,0,0,0)');
  g.addColorStop(1, `rgba(0,0,0,${strength})`);
  ctx.fillStyle = g;
  ctx.fillRect(0, 0, w, h);
}

/** Film grain: monochrome noise plus a faint colour jitter, seeded. */
function grain(ctx: Ctx, rng: Rng, w: number, h: number, amount = 7): void {
  const img = ctx.getImageData(0, 0, w, h);
  const d = img.data;
  const r = new Rng(hashString('grain') ^ Math.floor(rng.next() * 1e9));
  for (let i = 0; i < d.length; i += 4) {
    const n = (r.next() + r.next() - 1) * amount * 1.6;
    const c = (r.next() - 0.5) * amount * 0.3;
    d[i] = d[i]! + n + c;
    d[i + 1] = d[i + 1]! + n;
    d[i + 2] = d[i + 2]! + n - c;
  }
  ctx.putImageData(img, 0, 0);
}

/** Photographic finish: a whisper of lens softness, vignette, grain. */
function finishPhoto(canvas: Canvas, rng: Rng, o: { soften?: number; vignette?: number; grain?: number } = {}): Canvas {
  const w = canvas.width;
  const h = canvas.height;
  const { canvas: out, ctx } = newCanvas(w, h);
  ctx.filter = `blur(${o.soften ?? 0.6}px)`;
  ctx.drawImage(canvas, 0, 0);
  ctx.filter = 'none';
  vignette(ctx, w, h, o.vignette ?? 0.32);
  grain(ctx, rng, w, h, o.grain ?? 6);
  return out;
}

// ---------------------------------------------------------------------------
// Recurring scene pieces: water, boats, people
// ---------------------------------------------------------------------------

/** Water from the horizon down: a gradient, then ripples growing with nearness. */
function water(
  ctx: Ctx,
  rng: Rng,
  w: number,
  h: number,
  horizon: number,
  far: RGB,
  near: RGB,
  o: { ripples?: number; light?: RGB; choppy?: number; fill?: boolean } = {},
): void {
  if (o.fill !== false) {
    fillRectGradient(ctx, 0, horizon, w, h - horizon, [
      [0, far],
      [1, near],
    ]);
  }
  const light = o.light ?? mix(far, [255, 255, 255], 0.25);
  const count = o.ripples ?? 1400;
  for (let i = 0; i < count; i++) {
    const t = Math.pow(rng.next(), 1.6); // more ripples far away
    const y = horizon + t * (h - horizon);
    const near01 = (y - horizon) / (h - horizon);
    const len = 6 + near01 * 90 * rng.range(0.4, 1.2) * (o.choppy ?? 1);
    const x = rng.range(-len, w);
    const thick = 0.6 + near01 * 3.2;
    const lightRipple = rng.chance(0.5);
    ctx.strokeStyle = lightRipple ? css(light, 0.05 + 0.16 * rng.next()) : css(shade(near, 0.7), 0.1 + 0.2 * rng.next());
    ctx.lineWidth = thick;
    ctx.beginPath();
    ctx.moveTo(x, y);
    ctx.quadraticCurveTo(x + len / 2, y - thick * 0.8, x + len, y);
    ctx.stroke();
  }
}

/**
 * Reflect part of a scene in calm water: draw it through a mirrored camera on
 * a layer, shake the rows a little, and lay it over the water faintly.
 */
function reflection(
  ctx: Ctx,
  rng: Rng,
  w: number,
  h: number,
  waterTop: number,
  draw: (l: Ctx) => void,
  alpha = 0.35,
): void {
  const { canvas: src, ctx: l } = newCanvas(w, h);
  draw(l);
  const { canvas: wobbled, ctx: wc } = newCanvas(w, h);
  const n = noise1D(rng, 3);
  for (let y = Math.floor(waterTop); y < h; y += 2) {
    const depth = (y - waterTop) / (h - waterTop);
    const dx = n(y * 0.13) * (3 + depth * 22);
    wc.drawImage(src, 0, y, w, 2, dx, y, w, 2);
  }
  // Reflections fade as the water comes toward the viewer (steeper view).
  wc.globalCompositeOperation = 'destination-in';
  const fade = wc.createLinearGradient(0, waterTop, 0, h);
  fade.addColorStop(0, 'rgba(0,0,0,1)');
  fade.addColorStop(1, 'rgba(0,0,0,0.25)');
  wc.fillStyle = fade;
  wc.fillRect(0, 0, w, h);
  ctx.save();
  ctx.globalAlpha = alpha;
  ctx.filter = 'blur(2px)';
  ctx.drawImage(wobbled, 0, 0);
  ctx.restore();
}

interface PersonStyle {
  coat: RGB;
  trousers: RGB;
  skin: RGB;
  hair: RGB;
  umbrella?: RGB;
  bag?: boolean;
}

const COATS: RGB[] = [
  hex('#2f3a45'),
  hex('#4a3b30'),
  hex('#6b5a44'),
  hex('#3d4a3b'),
  hex('#5b2f2f'),
  hex('#1f2328'),
  hex('#7a7466'),
  hex('#34465e'),
  hex('#8a6d4b'),
  hex('#59606a'),
];
const SKINS: RGB[] = [hex('#e0b896'), hex('#c99a76'), hex('#a87652'), hex('#7a5138'), hex('#f0c8a8'), hex('#5c3b28')];
const HAIRS: RGB[] = [hex('#1d1612'), hex('#3b2a1e'), hex('#6b4c33'), hex('#8f8a84'), hex('#b89a6a'), hex('#2a2420')];

function randomPerson(rng: Rng, umbrellaChance = 0.25): PersonStyle {
  const p: PersonStyle = {
    coat: vary(rng, rng.pick(COATS), 0.12),
    trousers: vary(rng, rng.pick([hex('#22252b'), hex('#34383f'), hex('#3b3a36'), hex('#2b3140')]), 0.1),
    skin: rng.pick(SKINS),
    hair: rng.pick(HAIRS),
    bag: rng.chance(0.3),
  };
  if (rng.chance(umbrellaChance)) {
    p.umbrella = rng.pick([hex('#1c1c1f'), hex('#2d3b52'), hex('#6e2a2a'), hex('#3f5a4a'), hex('#77726a')]);
  }
  return p;
}

/**
 * A pedestrian standing on the ground at world (x, z), ~1.7 m tall: legs and
 * shoes, a coat with arms, a scarf, head and hair, maybe a bag or umbrella.
 */
function person(ctx: Ctx, cam: Camera, x: number, z: number, s: PersonStyle, height = 1.72, ground = 0): void {
  const [fx, fy] = cam.project([x, ground, z]);
  const ppm = cam.scaleAt([x, ground, z]);
  const H = height * ppm;
  if (H < 2) return;
  const w = H * 0.26;
  // Contact shadow.
  softSpot(ctx, fx, fy, w * 0.9, w * 0.2, [10, 12, 14], 0.35);
  // Legs, tapering, with dark shoes; a slight stride.
  const stride = ((x * 7.3 + z * 3.1) % 1) * 0.08 * H;
  const leg = (cx: number, off: number) => {
    ctx.beginPath();
    ctx.moveTo(cx - w * 0.14, fy - H * 0.46);
    ctx.lineTo(cx + w * 0.14, fy - H * 0.46);
    ctx.lineTo(cx + w * 0.1 + off, fy - H * 0.03);
    ctx.lineTo(cx - w * 0.1 + off, fy - H * 0.03);
    ctx.closePath();
    ctx.fillStyle = css(s.trousers);
    ctx.fill();
    ctx.fillStyle = css([22, 20, 20]);
    ctx.beginPath();
    ctx.ellipse(cx + off, fy - H * 0.018, w * 0.15, H * 0.022, 0, 0, Math.PI * 2);
    ctx.fill();
  };
  leg(fx - w * 0.17, -stride * 0.3);
  leg(fx + w * 0.17, stride * 0.3);
  // Coat: rounded shoulders, slight waist, flared hem.
  const top = fy - H * 0.84;
  const hem = fy - H * 0.4;
  ctx.beginPath();
  ctx.moveTo(fx - w * 0.2, top - H * 0.01);
  ctx.quadraticCurveTo(fx - w * 0.5, top, fx - w * 0.5, top + H * 0.06);
  ctx.lineTo(fx - w * 0.44, fy - H * 0.6);
  ctx.lineTo(fx - w * 0.52, hem);
  ctx.lineTo(fx + w * 0.52, hem);
  ctx.lineTo(fx + w * 0.44, fy - H * 0.6);
  ctx.lineTo(fx + w * 0.5, top + H * 0.06);
  ctx.quadraticCurveTo(fx + w * 0.5, top, fx + w * 0.2, top - H * 0.01);
  ctx.closePath();
  const g = ctx.createLinearGradient(fx - w / 2, 0, fx + w / 2, 0);
  g.addColorStop(0, css(shade(s.coat, 1.18)));
  g.addColorStop(0.6, css(s.coat));
  g.addColorStop(1, css(shade(s.coat, 0.7)));
  ctx.fillStyle = g;
  ctx.fill();
  // Arms hanging at the sides, hands showing.
  for (const side of [-1, 1]) {
    ctx.beginPath();
    ctx.moveTo(fx + side * w * 0.42, top + H * 0.03);
    ctx.lineTo(fx + side * w * 0.56, top + H * 0.05);
    ctx.lineTo(fx + side * w * 0.6, fy - H * 0.5);
    ctx.lineTo(fx + side * w * 0.45, fy - H * 0.5);
    ctx.closePath();
    ctx.fillStyle = css(shade(s.coat, side < 0 ? 1.0 : 0.62));
    ctx.fill();
    ctx.fillStyle = css(shade(s.skin, 0.9));
    ctx.beginPath();
    ctx.ellipse(fx + side * w * 0.53, fy - H * 0.48, w * 0.07, H * 0.025, 0, 0, Math.PI * 2);
    ctx.fill();
  }
  // Coat opening and scarf.
  ctx.fillStyle = css(shade(s.coat, 0.6), 0.7);
  ctx.fillRect(fx - w * 0.015, top + H * 0.04, Math.max(0.5, w * 0.03), hem - top - H * 0.04);
  ctx.fillStyle = css(mix(s.hair, s.coat, 0.3));
  if (s.bag) {
    ctx.fillStyle = css(shade(s.trousers, 1.4));
    ctx.fillRect(fx + w * 0.5, fy - H * 0.6, w * 0.26, H * 0.14);
  }
  // Neck, head, hair.
  const hr = H * 0.066;
  const hy = fy - H * 0.915;
  ctx.fillStyle = css(shade(s.skin, 0.85));
  ctx.fillRect(fx - hr * 0.4, hy + hr * 0.6, hr * 0.8, hr * 0.7);
  ctx.beginPath();
  ctx.ellipse(fx, hy, hr * 0.82, hr, 0, 0, Math.PI * 2);
  const hg = ctx.createLinearGradient(fx - hr, 0, fx + hr, 0);
  hg.addColorStop(0, css(shade(s.skin, 1.08)));
  hg.addColorStop(1, css(shade(s.skin, 0.78)));
  ctx.fillStyle = hg;
  ctx.fill();
  ctx.beginPath();
  ctx.ellipse(fx, hy - hr * 0.28, hr * 0.88, hr * 0.78, 0, Math.PI * 0.95, Math.PI * 2.05);
  ctx.fillStyle = css(s.hair);
  ctx.fill();
  if (s.umbrella) {
    const uy = fy - H * 1.08;
    const ur = H * 0.36;
    ctx.strokeStyle = css([30, 30, 30]);
    ctx.lineWidth = Math.max(0.6, H * 0.012);
    ctx.beginPath();
    ctx.moveTo(fx + w * 0.55, fy - H * 0.5);
    ctx.lineTo(fx + w * 0.1, uy);
    ctx.stroke();
    ctx.beginPath();
    ctx.moveTo(fx - ur, uy + ur * 0.25);
    ctx.quadraticCurveTo(fx, uy - ur * 0.55, fx + ur, uy + ur * 0.25);
    for (let k = 3; k >= 0; k--) {
      const x1 = fx - ur + (k / 4) * 2 * ur;
      ctx.quadraticCurveTo(x1 + ur / 4, uy + ur * 0.08, x1, uy + ur * 0.25);
    }
    ctx.closePath();
    const ug = ctx.createLinearGradient(0, uy - ur * 0.4, 0, uy + ur * 0.25);
    ug.addColorStop(0, css(shade(s.umbrella, 1.35)));
    ug.addColorStop(1, css(shade(s.umbrella, 0.8)));
    ctx.fillStyle = ug;
    ctx.fill();
  }
}

// ---------------------------------------------------------------------------
// Atmospheric haze: far things fade toward the sky colour
// ---------------------------------------------------------------------------

let fogColour: RGB = [180, 186, 190];
let fogDistance = 1e9;

function setFog(colour: RGB, distance: number): void {
  fogColour = colour;
  fogDistance = distance;
}
function fogged(c: RGB, dist: number): RGB {
  return mix(c, fogColour, 1 - Math.exp(-dist / fogDistance));
}
function distTo(cam: Camera, p: Vec3): number {
  const e = cam.eye;
  return Math.hypot(p[0] - e[0], p[1] - e[1], p[2] - e[2]);
}
/** Fill a face lit by LIGHT and hazed by distance. */
function fillFace(ctx: Ctx, cam: Camera, face: Face, base: RGB, ambient = 0.62): void {
  const c = fogged(litColour(base, face.normal, ambient), distTo(cam, centroid(face.pts)));
  fill3(ctx, cam, face.pts, css(c));
}
/** A flat world-space polygon in a fogged colour. */
function fillFogged(ctx: Ctx, cam: Camera, pts: Vec3[], c: RGB): void {
  fill3(ctx, cam, pts, css(fogged(c, distTo(cam, centroid(pts)))));
}
/**
 * A large horizontal plane (quay, road, pitch surround) from z0 to z1, cut
 * into slices so that haze can thicken with distance.
 */
function groundStrip(ctx: Ctx, cam: Camera, x0: number, x1: number, y: number, z0: number, z1: number, c: RGB): void {
  const n = 24;
  for (let i = 0; i < n; i++) {
    const a = z0 * Math.pow(z1 / z0, i / n);
    const b = z0 * Math.pow(z1 / z0, (i + 1) / n) + 0.5;
    fillFogged(ctx, cam, [[x0, y, a], [x1, y, a], [x1, y, b], [x0, y, b]], c);
  }
}
/** A vertical wall facing ±x along z (a quay edge, a facade run), sliced for haze. */
function wallStrip(ctx: Ctx, cam: Camera, x: number, y0: number, y1: number, z0: number, z1: number, c: RGB): void {
  const n = 24;
  for (let i = 0; i < n; i++) {
    const a = z0 * Math.pow(z1 / z0, i / n);
    const b = z0 * Math.pow(z1 / z0, (i + 1) / n) + 0.5;
    fillFogged(ctx, cam, [[x, y0, a], [x, y1, a], [x, y1, b], [x, y0, b]], c);
  }
}
/** A structural member (girder, pole) whose width is given in metres. */
function beam3(ctx: Ctx, cam: Camera, a: Vec3, b: Vec3, c: RGB, widthM: number): void {
  const mid: Vec3 = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2];
  const px = Math.max(0.7, widthM * cam.scaleAt(mid));
  line3(ctx, cam, a, b, css(fogged(c, distTo(cam, mid))), px);
}

/** Painter's algorithm for a scene: queue draw calls by depth, draw far first. */
class DrawList {
  private items: Array<{ z: number; draw: () => void }> = [];
  add(z: number, draw: () => void): void {
    this.items.push({ z, draw });
  }
  flush(): void {
    this.items.sort((a, b) => b.z - a.z).forEach((i) => i.draw());
    this.items = [];
  }
}

// ---------------------------------------------------------------------------
// Vessels
// ---------------------------------------------------------------------------

/** Deck outline of a boat, bow toward +z, stern flat; length l, beam b. */
function hullPlan(l: number, b: number, bowFrac = 0.22, y = 0): Vec3[] {
  const h = b / 2;
  const bow = l * (1 - bowFrac);
  return [
    [-h * 0.9, y, 0],
    [h * 0.9, y, 0],
    [h, y, l * 0.35],
    [h, y, bow],
    [h * 0.55, y, bow + (l - bow) * 0.6],
    [0, y, l],
    [-h * 0.55, y, bow + (l - bow) * 0.6],
    [-h, y, bow],
    [-h, y, l * 0.35],
  ];
}

/** A workboat (tug / pilot boat): hull, wheelhouse, mast; seen in perspective. */
function workBoat(
  ctx: Ctx,
  cam: Camera,
  at: Vec3,
  yaw: number,
  size: number,
  hullColour: RGB,
  houseColour: RGB,
): void {
  const P = placer(at, yaw);
  const l = size;
  const b = size * 0.36;
  const bottom = hullPlan(l, b * 0.8, 0.3, -0.4).map(P);
  const top = hullPlan(l, b, 0.3, size * 0.16).map((p) => P([p[0], p[1] + (p[2] > l * 0.7 ? size * 0.05 : 0), p[2]]));
  for (const f of loftFaces(cam, bottom, top)) {
    fillFace(ctx, cam, f, f.index === -1 ? hex('#5d5a55') : hullColour);
    if (f.index !== -1) {
      // A pale rubbing strake along the top edge.
      fill3(ctx, cam, subQuad(f.pts, 0, 0.82, 1, 0.95), css(fogged([200, 196, 186], distTo(cam, f.pts[0]!)), 0.85));
    }
  }
  const houseY = size * 0.16;
  const box = (x0: number, x1: number, y0: number, y1: number, z0: number, z1: number, c: RGB, windows: boolean) =>
    modelBox(ctx, cam, P, x0, x1, y0, y1, z0, z1, c, (f) => {
      if (!windows || f.index === -1) return;
      const n = f.index % 2 === 0 ? 3 : 4;
      for (let i = 0; i < n; i++) {
        const u0 = 0.1 + (i / n) * 0.8;
        fill3(ctx, cam, subQuad(f.pts, u0, 0.55, u0 + (0.8 / n) * 0.8, 0.85), css([38, 48, 56]));
      }
    });
  box(-b * 0.3, b * 0.3, houseY, houseY + size * 0.16, l * 0.35, l * 0.62, houseColour, false);
  box(-b * 0.25, b * 0.25, houseY + size * 0.16, houseY + size * 0.27, l * 0.42, l * 0.6, houseColour, true);
  // Mast.
  beam3(ctx, cam, P([0, houseY + size * 0.27, l * 0.5]), P([0, houseY + size * 0.5, l * 0.5]), [40, 40, 42], size * 0.015);
  beam3(ctx, cam, P([-b * 0.1, houseY + size * 0.42, l * 0.5]), P([b * 0.1, houseY + size * 0.42, l * 0.5]), [40, 40, 42], size * 0.006);
  // Bow wave and wake foam.
  if (!cam.mirror) {
    const [bx, by] = cam.project(P([0, 0, l]));
    const s = cam.scaleAt(P([0, 0, l]));
    softSpot(ctx, bx, by, s * size * 0.25, s * size * 0.05, [235, 238, 236], 0.5);
    const [sx, sy] = cam.project(P([0, 0, -size * 0.3]));
    softSpot(ctx, sx, sy, s * size * 0.4, s * size * 0.06, [225, 230, 228], 0.45);
  }
}

// ---------------------------------------------------------------------------
// Scene: harbor — container terminal with gantry cranes, a ship, a tug
// ---------------------------------------------------------------------------

const CONTAINER_COLOURS: RGB[] = [
  hex('#8c3b2e'), hex('#2f5470'), hex('#6d7478'), hex('#a0672e'), hex('#3e5e4a'),
  hex('#7a2a2a'), hex('#c2b59b'), hex('#1f3b5a'), hex('#8d8a82'), hex('#5a3a5e'), hex('#b4452f'),
];

/** A block of stacked containers seen from the side: rows of ribbed boxes. */
function containerBlock(
  ctx: Ctx,
  cam: Camera,
  rng: Rng,
  x0: number,
  x1: number,
  y0: number,
  tiers: number,
  z0: number,
  z1: number,
): void {
  const y1 = y0 + tiers * 2.6;
  const colours = Array.from({ length: tiers * 12 }, () => rng.pick(CONTAINER_COLOURS));
  box3(ctx, cam, x0, x1, y0, y1, z0, z1, [90, 90, 90], (face, c) => {
    const d = distTo(cam, centroid(face.pts));
    const across = face.index === 0 || face.index === 2 ? Math.max(1, Math.round((x1 - x0) / 2.44)) : 1;
    for (let t = 0; t < tiers; t++) {
      for (let k = 0; k < across; k++) {
        const col = fogged(litColour(colours[(t * 12 + k) % colours.length]!, face.normal), d);
        const q = subQuad(face.pts, k / across, t / tiers, (k + 1) / across, (t + 1) / tiers);
        fill3(c, cam, q, css(col));
        // Dark seam between boxes.
        const seam = subQuad(face.pts, k / across, t / tiers, (k + 1) / across, t / tiers + 0.04 / tiers * 2);
        fill3(c, cam, seam, css(shade(col, 0.45)));
      }
    }
  });
}

/** A ship-to-shore gantry crane standing on the quay at depth z. */
function gantryCrane(ctx: Ctx, cam: Camera, xLand: number, z: number, colour: RGB, boomOut: number): void {
  const gauge = 30; // between the rails
  const depth = 16; // front to back legs
  const top = 42; // portal beam height
  const boomY = 46;
  const apex = 74;
  const xs = xLand; // waterside leg
  const xb = xLand + gauge; // landside leg
  const frames = [z + depth, z]; // far frame first
  const dark = shade(colour, 0.7);
  for (const fz of frames) {
    beam3(ctx, cam, [xs, 3, fz], [xs, top, fz], colour, 1.8);
    beam3(ctx, cam, [xb, 3, fz], [xb, top, fz], colour, 1.8);
    beam3(ctx, cam, [xs, 14, fz], [xb, 14, fz], dark, 1.2);
    beam3(ctx, cam, [xs, top, fz], [xb, top, fz], colour, 2.2);
    beam3(ctx, cam, [xs, 14, fz], [xb, top, fz], dark, 0.6);
    // A-frame.
    beam3(ctx, cam, [xs + 4, boomY, fz], [xs + 10, apex, fz], colour, 1.3);
    beam3(ctx, cam, [xb + 2, boomY, fz], [xs + 10, apex, fz], colour, 1.3);
    // Boom (with outreach over the water) and backreach.
    beam3(ctx, cam, [xb + 22, boomY, fz], [boomOut, boomY, fz], colour, 2.4);
    // Stays.
    beam3(ctx, cam, [xs + 10, apex, fz], [boomOut + 6, boomY + 1, fz], dark, 0.45);
    beam3(ctx, cam, [xs + 10, apex, fz], [xs - 22, boomY + 1, fz], dark, 0.45);
    beam3(ctx, cam, [xs + 10, apex, fz], [xb + 20, boomY + 1, fz], dark, 0.45);
  }
  // Cross beams tying the two frames together.
  beam3(ctx, cam, [xs, top, z], [xs, top, z + depth], dark, 1.6);
  beam3(ctx, cam, [xb, top, z], [xb, top, z + depth], dark, 1.6);
  beam3(ctx, cam, [xs + 10, apex, z], [xs + 10, apex, z + depth], dark, 1.2);
  // Machinery house on the backreach and the trolley with its cab.
  box3(ctx, cam, xb + 6, xb + 20, boomY + 1, boomY + 7, z + 2, z + depth - 2, mix(colour, [220, 220, 215], 0.35));
  const tx = boomOut + 18;
  box3(ctx, cam, tx - 3, tx + 3, boomY - 3, boomY + 1, z + 3, z + depth - 3, shade(colour, 0.85));
  box3(ctx, cam, tx - 1.5, tx + 1.5, boomY - 6.5, boomY - 3, z + 5, z + 8, [205, 205, 200]);
}

function sceneHarbor(ctx: Ctx, rng: Rng, W: number, H: number): void {
  const horizon = H * rng.range(0.44, 0.5);
  const cam = new Camera([rng.range(-10, 10), rng.range(7, 12), 0], 950, W * rng.range(0.36, 0.44), horizon, rng.range(-0.06, 0.04));
  const skyTop = vary(rng, hex('#7d8b98'), 0.06);
  const skyLow = vary(rng, hex('#cfd1cc'), 0.04);
  setFog(mix(skyLow, skyTop, 0.25), 900);

  fillRectGradient(ctx, 0, 0, W, horizon + 2, [
    [0, skyTop],
    [0.7, mix(skyTop, skyLow, 0.7)],
    [1, skyLow],
  ]);
  clouds(ctx, rng, W, H, {
    y0: -40, y1: horizon * 0.8, count: 55, light: [222, 224, 222], dark: [96, 104, 114], size: 260, alpha: 0.6, blur: 14,
  });
  // Distant hills across the sound, two layers of haze.
  ridge(ctx, rng, W, horizon + 1, H * 0.09, css(mix(fogColour, [88, 104, 110], 0.35)), 1.2);
  ridge(ctx, rng, W * 0.55, horizon + 1, H * 0.05, css(mix(fogColour, [70, 84, 86], 0.55)), 2);

  const waterFar = vary(rng, hex('#7f8c8f'), 0.05);
  const waterNear = vary(rng, hex('#34444a'), 0.06);
  water(ctx, rng, W, H, horizon, waterFar, waterNear, { ripples: 1600 });

  const craneColour = rng.pick([hex('#9c4631'), hex('#3f6c8c'), hex('#b0813a'), hex('#8f3a2c')]);
  const cranes = [150, 215, 280, 360, 460, 600, 780];
  const shipZ0 = 140;
  const shipZ1 = 140 + rng.range(220, 300);
  const hullColour = rng.pick([hex('#2a3440'), hex('#5a2624'), hex('#23272b')]);
  const crng = rng.fork('containers');

  const build = (l: Ctx, c: Camera) => {
    const list = new DrawList();
    // Quay: face, top, far terminal sheds.
    list.add(5000, () => {
      if (!c.mirror) groundStrip(l, c, 60, 400, 3, 20, 3000, [104, 103, 98]);
      wallStrip(l, c, 60, -1, 3, 20, 3000, [62, 64, 64]);
      for (let z = 1200; z > 300; z -= 160) {
        box3(l, c, 150, 240, 3, 18, z, z + 120, [150, 152, 150]);
      }
    });
    // Stacks of containers on the quay.
    for (let z = 900; z >= 40; z -= 28) {
      const xs = [110, 135, 160, 185];
      for (const x of xs) {
        const tiers = crng.int(1, 4);
        list.add(z + 0.1 + x / 1000, () => containerBlock(l, c, crng.fork(`q${x}${z}`), x, x + 17, 3, tiers, z, z + 12.2));
      }
    }
    // The ship: hull in slices (so cranes sort against it), bridge aft, bays.
    const beam = 28;
    const sx0 = 60 - beam - 1;
    for (let z = shipZ0; z < shipZ1; z += 20) {
      const z1 = Math.min(shipZ1, z + 20);
      const isBow = z1 >= shipZ1;
      list.add(z, () => {
        const bottom: Vec3[] = [[sx0, -1, z], [sx0 + beam, -1, z], [sx0 + beam, -1, z1], [sx0, -1, z1]];
        if (isBow) {
          bottom[2] = [sx0 + beam * 0.5, -1, z1 + 30];
          bottom[3] = [sx0 + beam * 0.5, -1, z1 + 30];
        }
        const top = bottom.map((p) => [p[0], 16, p[2] + (isBow && p[2] > z1 ? 4 : 0)] as Vec3);
        for (const f of loftFaces(c, bottom, top, false)) {
          fillFace(l, c, f, hullColour);
          // Red boot-topping at the waterline and a pale deck edge.
          fill3(l, c, subQuad(f.pts, 0, 0, 1, 0.12), css(fogged([120, 50, 42], distTo(c, f.pts[0]!))));
          fill3(l, c, subQuad(f.pts, 0, 0.96, 1, 1), css(fogged([190, 190, 184], distTo(c, f.pts[0]!)), 0.8));
        }
      });
    }
    list.add(shipZ0 + 2, () => {
      box3(l, c, sx0 + 2, sx0 + beam - 2, 16, 40, shipZ0 + 4, shipZ0 + 18, [222, 220, 212], (f, cc) => {
        if (f.index === -1) return;
        for (let r = 0; r < 6; r++) {
          fill3(cc, c, subQuad(f.pts, 0.05, 0.12 + r * 0.14, 0.95, 0.18 + r * 0.14), css(fogged([60, 70, 78], distTo(c, f.pts[0]!))));
        }
      });
      beam3(l, c, [sx0 + beam / 2, 40, shipZ0 + 8], [sx0 + beam / 2, 48, shipZ0 + 8], [60, 60, 60], 0.8);
    });
    for (let z = shipZ0 + 22; z < shipZ1 - 10; z += 13) {
      const tiers = crng.int(2, 6);
      list.add(z, () => containerBlock(l, c, crng.fork(`s${z}`), sx0 + 2, sx0 + beam - 2, 16, tiers, z, z + 12.2));
    }
    cranes.forEach((z, i) => list.add(z, () => gantryCrane(l, c, 62, z, i % 3 === 2 ? shade(craneColour, 0.9) : craneColour, 12)));
    // Lamp masts along the quay.
    for (let z = 120; z < 1200; z += 110) {
      list.add(z - 1, () => {
        beam3(l, c, [70, 3, z], [70, 35, z], [90, 92, 95], 0.6);
        box3(l, c, 68.5, 71.5, 35, 36, z - 1.5, z + 1.5, [70, 70, 72]);
      });
    }
    list.flush();
  };

  reflection(ctx, rng, W, H, horizon, (l) => build(l, cam.mirrored()), 0.24);
  build(ctx, cam);

  // Workboats out on the water.
  // Place the tug by where it should land in the frame (left third).
  const tugZ = rng.range(85, 130);
  const tugX = cam.pos[0] + ((rng.range(0.1, 0.3) * W - cam.cx) * tugZ) / cam.f;
  workBoat(ctx, cam, [tugX, 0, tugZ], rng.range(0.4, 1.1) * rng.pick([-1, 1]), 28,
    rng.pick([hex('#24292e'), hex('#6e2b24'), hex('#2f4256')]), hex('#dcd9cf'));
  if (rng.chance(0.7)) {
    workBoat(ctx, cam, [rng.range(-200, -90), 0, rng.range(320, 500)], rng.range(-1.4, 1.4), 18, hex('#3a3f44'), hex('#c8c4b8'));
  }
  // Low mist hanging over the far water.
  softSpot(ctx, W * 0.3, horizon, W * 0.7, H * 0.05, fogColour, 0.5);
}

// ---------------------------------------------------------------------------
// Scene: skyline at dusk — towers across the water, lit windows, reflections
// ---------------------------------------------------------------------------

interface Tower {
  x: number;
  w: number;
  h: number;
  roof: 'flat' | 'stepped' | 'spire' | 'antenna' | 'slant';
}

/** A row of buildings along a base line: heights peak around a downtown core. */
function towerRow(rng: Rng, w: number, minH: number, maxH: number, core: number, spread: number): Tower[] {
  const out: Tower[] = [];
  let x = -rng.range(0, 40);
  while (x < w + 40) {
    const bw = rng.range(26, 90);
    const near = Math.exp(-Math.pow((x - core) / spread, 2));
    const h = minH + (maxH - minH) * near * rng.range(0.45, 1.05) + rng.range(0, minH * 0.8);
    const roof = rng.pick(['flat', 'flat', 'flat', 'stepped', 'spire', 'antenna', 'slant'] as const);
    out.push({ x, w: bw, h, roof });
    x += bw * rng.range(0.55, 1.05);
  }
  return out;
}

/** Draw one layer of towers, with a rim of sunset light and window grids. */
function drawTowers(
  ctx: Ctx,
  rng: Rng,
  towers: Tower[],
  base: number,
  body: RGB,
  rim: RGB,
  o: { windows: boolean; lit: number; winScale: number },
): void {
  for (const t of towers) {
    const top = base - t.h;
    ctx.beginPath();
    if (t.roof === 'slant') {
      ctx.moveTo(t.x, base);
      ctx.lineTo(t.x, top + t.w * 0.35);
      ctx.lineTo(t.x + t.w, top);
      ctx.lineTo(t.x + t.w, base);
    } else {
      ctx.rect(t.x, top, t.w, t.h);
      if (t.roof === 'stepped') {
        ctx.rect(t.x + t.w * 0.15, top - t.h * 0.06, t.w * 0.7, t.h * 0.06 + 1);
        ctx.rect(t.x + t.w * 0.3, top - t.h * 0.1, t.w * 0.4, t.h * 0.1 + 1);
      }
      if (t.roof === 'spire') {
        ctx.moveTo(t.x + t.w * 0.2, top);
        ctx.lineTo(t.x + t.w * 0.5, top - t.h * 0.22);
        ctx.lineTo(t.x + t.w * 0.8, top);
      }
    }
    const tint = vary(rng, body, 0.1);
    const glass = o.windows && rng.chance(0.18);
    if (glass) {
      // Curtain-wall glass mirrors the dusk sky: cool above, warm below.
      const gg = ctx.createLinearGradient(0, top, 0, base);
      gg.addColorStop(0, css(mix(tint, [70, 84, 120], 0.5)));
      gg.addColorStop(1, css(mix(tint, rim, 0.3)));
      ctx.fillStyle = gg;
    } else {
      const g = ctx.createLinearGradient(t.x, 0, t.x + t.w, 0);
      g.addColorStop(0, css(shade(tint, 0.92)));
      g.addColorStop(0.8, css(tint));
      g.addColorStop(1, css(mix(tint, rim, 0.35)));
      ctx.fillStyle = g;
    }
    ctx.fill();
    if (t.roof === 'antenna') {
      ctx.fillStyle = css(body);
      ctx.fillRect(t.x + t.w * 0.48, top - t.h * 0.18, 2, t.h * 0.18);
      softSpot(ctx, t.x + t.w * 0.48 + 1, top - t.h * 0.18, 5, 5, [255, 60, 50], 0.9);
    }
    // Rim light on the sunset side.
    ctx.fillStyle = css(rim, 0.25);
    ctx.fillRect(t.x + t.w - 2, t.roof === 'slant' ? top : top, 2, t.h);
    if (!o.windows) continue;
    if (glass) {
      // Floor lines and a few lit offices.
      for (let y = top + 6; y < base - 4; y += 5 * o.winScale + 2) {
        ctx.fillStyle = css(shade(tint, 0.7), 0.35);
        ctx.fillRect(t.x, y, t.w, 1);
        if (rng.chance(o.lit * 0.8)) {
          ctx.fillStyle = css([236, 226, 196], rng.range(0.3, 0.7));
          ctx.fillRect(t.x + rng.range(0, t.w * 0.6), y + 1, rng.range(6, t.w * 0.4), 3 * o.winScale);
        }
      }
      continue;
    }
    const cw = 7 * o.winScale;
    const ch = 9 * o.winScale;
    const cols = Math.max(1, Math.floor((t.w - 6) / cw));
    const rows = Math.floor((t.h - 10) / ch);
    const offX = t.x + (t.w - cols * cw) / 2;
    const cool = rng.chance(0.3);
    const litness = o.lit * rng.range(0.3, 1.6);
    for (let r = 0; r < rows; r++) {
      const rowLit = rng.chance(0.85);
      for (let c = 0; c < cols; c++) {
        const wx = offX + c * cw + cw * 0.2;
        const wy = top + 8 + r * ch + (t.roof === 'slant' ? t.w * 0.35 : 0);
        if (wy > base - 4) continue;
        if (rowLit && rng.chance(litness)) {
          const warm: RGB = cool ? [214, 224, 222] : rng.pick([[246, 214, 150], [240, 196, 128], [252, 232, 188]] as RGB[]);
          ctx.fillStyle = css(warm, rng.range(0.45, 0.95));
        } else {
          ctx.fillStyle = css(mix(body, [150, 160, 190], 0.12), 0.8);
        }
        ctx.fillRect(wx, wy, cw * 0.6, ch * 0.55);
      }
    }
  }
}

function sceneSkyline(ctx: Ctx, rng: Rng, W: number, H: number): void {
  const base = H * rng.range(0.62, 0.68);
  const glow = vary(rng, hex('#d89a6e'), 0.05);
  fillRectGradient(ctx, 0, 0, W, base + 2, [
    [0, vary(rng, hex('#1d2740'), 0.05)],
    [0.45, hex('#3f4766')],
    [0.78, mix(hex('#8e7482'), glow, 0.2)],
    [1, glow],
  ]);
  // Low sun glow behind the city, off to one side.
  const sunX = W * rng.range(0.2, 0.8);
  softSpot(ctx, sunX, base, W * 0.45, H * 0.22, [242, 178, 120], 0.55);
  // Streaky stratus lit from below.
  layer(ctx, W, H, (l) => {
    for (let i = 0; i < 22; i++) {
      const y = rng.range(H * 0.05, base * 0.8);
      const rx = rng.range(120, 420);
      const lit = mix([70, 70, 96], [226, 150, 126], Math.pow(y / base, 2));
      softSpot(l, rng.range(0, W), y, rx, rng.range(5, 16), lit, rng.range(0.35, 0.7));
    }
  }, { blur: 6 });

  const core = W * rng.range(0.35, 0.65);
  const trng = rng.fork('towers');
  const far = towerRow(trng, W, 30, 190, core + rng.range(-200, 200), 320);
  const mid = towerRow(trng, W, 40, 320, core, 220);
  const near = towerRow(trng, W, 20, 110, core + rng.range(-150, 150), 500);

  const city = (l: Ctx) => {
    drawTowers(l, trng.fork('far'), far, base - 6, [96, 92, 112], [232, 170, 130], { windows: true, lit: 0.2, winScale: 0.6 });
    drawTowers(l, trng.fork('mid'), mid, base - 2, [54, 58, 78], [232, 160, 120], { windows: true, lit: 0.3, winScale: 0.8 });
    drawBridge(l);
    drawTowers(l, trng.fork('near'), near, base + 2, [32, 35, 48], [210, 140, 110], { windows: true, lit: 0.4, winScale: 1 });
    // The waterfront promenade with its lamps.
    l.fillStyle = css([26, 28, 36]);
    l.fillRect(0, base, W, 10);
    const lamps = rng.fork('lamps');
    for (let x = lamps.range(0, 40); x < W; x += lamps.range(18, 70)) {
      softSpot(l, x, base + 1, 5, 4, [255, 206, 140], 0.55);
      l.fillStyle = css([255, 230, 180], 0.9);
      l.fillRect(x - 0.5, base, 1.5, 1.5);
    }
  };
  // Optional cable-stayed bridge from the side of the frame.
  const bridge = rng.chance(0.6);
  const bridgeLeft = rng.chance(0.5);
  const drawBridge = (l: Ctx) => {
    if (!bridge) return;
    l.save();
    if (!bridgeLeft) {
      l.translate(W, 0);
      l.scale(-1, 1);
    }
    const deckY = base - 18;
    const towerX = W * 0.16;
    l.strokeStyle = css([30, 32, 42]);
    l.lineWidth = 1;
    for (let k = 0; k < 12; k++) {
      l.beginPath();
      l.moveTo(towerX, deckY - 120 + k * 4);
      l.lineTo(towerX - 30 - k * 16, deckY);
      l.moveTo(towerX, deckY - 120 + k * 4);
      l.lineTo(towerX + 30 + k * 16, deckY);
      l.stroke();
    }
    l.fillStyle = css([28, 30, 40]);
    l.fillRect(towerX - 4, deckY - 130, 8, 130 + 18);
    l.fillRect(-10, deckY, W * 0.42, 6);
    for (let x = 0; x < W * 0.42; x += 14) softSpot(l, x, deckY - 2, 4, 3, [255, 214, 150], 0.8);
    l.restore();
  };
  city(ctx);

  // Water: a darker mirror of the sky, then the city's reflection.
  fillRectGradient(ctx, 0, base + 10, W, H - base - 10, [
    [0, mix(glow, [40, 44, 60], 0.55)],
    [0.3, [44, 48, 66]],
    [1, [18, 22, 32]],
  ]);
  const { canvas: cityLayer, ctx: cl } = newCanvas(W, H);
  city(cl);
  reflection(ctx, rng, W, H, base + 10, (l) => {
    l.translate(0, 2 * (base + 10));
    l.scale(1, -1);
    l.drawImage(cityLayer, 0, 0);
  }, 0.5);
  // Broken light-streaks where the promenade lamps meet the water.
  for (let i = 0; i < 220; i++) {
    const x = rng.range(0, W);
    const y = base + 12 + Math.pow(rng.next(), 1.5) * (H - base - 12);
    const d = (y - base) / (H - base);
    ctx.fillStyle = css(rng.pick([[255, 210, 150], [230, 170, 140], [200, 200, 210]] as RGB[]), rng.range(0.08, 0.3) * (1 - d));
    ctx.fillRect(x, y, rng.range(6, 30) * (0.4 + d), 1 + d * 2);
  }
  water(ctx, rng, W, H, base + 10, [60, 60, 80], [16, 20, 30], { ripples: 700, light: [120, 110, 126], fill: false });
}

// ---------------------------------------------------------------------------
// Scene: car ferry crossing to Kestrel Island
// ---------------------------------------------------------------------------

/** Flying gulls: small soft "m" strokes. */
function gulls(ctx: Ctx, rng: Rng, n: number, x0: number, x1: number, y0: number, y1: number, c: RGB): void {
  for (let i = 0; i < n; i++) {
    const x = rng.range(x0, x1);
    const y = rng.range(y0, y1);
    const s = rng.range(4, 9) * (0.6 + (y - y0) / Math.max(1, y1 - y0));
    const flap = rng.range(-0.3, 0.5);
    ctx.strokeStyle = css(c, 0.8);
    ctx.lineWidth = Math.max(1, s * 0.18);
    ctx.beginPath();
    ctx.moveTo(x - s, y + s * flap);
    ctx.quadraticCurveTo(x - s * 0.5, y - s * 0.35, x, y);
    ctx.quadraticCurveTo(x + s * 0.5, y - s * 0.35, x + s, y + s * flap);
    ctx.stroke();
  }
}

/** An island ridge with trees, a few houses and a white lighthouse. */
function island(ctx: Ctx, rng: Rng, x0: number, x1: number, base: number, height: number, haze: RGB): void {
  const n = noise1D(rng, 4);
  const off = rng.range(0, 50);
  const pts: Pt[] = [];
  for (let x = x0; x <= x1; x += 3) {
    const t = (x - x0) / (x1 - x0);
    const envelope = Math.sin(Math.PI * Math.min(1, t * 1.15)) ** 0.6;
    pts.push([x, base - envelope * height * (0.7 + 0.3 * n(off + t * 6))]);
  }
  ctx.beginPath();
  ctx.moveTo(x0, base + 1);
  for (const [x, y] of pts) ctx.lineTo(x, y);
  ctx.lineTo(x1, base + 1);
  ctx.closePath();
  ctx.fillStyle = vGradient(ctx, base - height, base, [
    [0, mix([58, 74, 62], haze, 0.55)],
    [1, mix([44, 56, 48], haze, 0.45)],
  ]);
  ctx.fill();
  // Tree texture along the crest.
  for (let i = 0; i < pts.length; i += 2) {
    const [x, y] = pts[i]!;
    softSpot(ctx, x, y + 3, rng.range(3, 7), rng.range(3, 6), mix([40, 54, 44], haze, 0.5), 0.6);
  }
  // Houses near the shore.
  for (let i = 0; i < 9; i++) {
    const x = rng.range(x0 + (x1 - x0) * 0.15, x1 - (x1 - x0) * 0.15);
    const w = rng.range(5, 10);
    ctx.fillStyle = css(mix(rng.pick([[220, 214, 200], [170, 80, 60], [200, 190, 160]] as RGB[]), haze, 0.4));
    ctx.fillRect(x, base - w * 0.8 - 1, w, w * 0.8);
    ctx.fillStyle = css(mix([70, 60, 60], haze, 0.4));
    ctx.beginPath();
    ctx.moveTo(x - 1, base - w * 0.8 - 1);
    ctx.lineTo(x + w / 2, base - w * 1.25);
    ctx.lineTo(x + w + 1, base - w * 0.8 - 1);
    ctx.fill();
  }
  const lx = rng.chance(0.5) ? x0 + (x1 - x0) * 0.08 : x1 - (x1 - x0) * 0.08;
  ctx.fillStyle = css(mix([235, 232, 224], haze, 0.25));
  ctx.beginPath();
  ctx.moveTo(lx - 3, base);
  ctx.lineTo(lx - 2, base - 26);
  ctx.lineTo(lx + 2, base - 26);
  ctx.lineTo(lx + 3, base);
  ctx.fill();
  ctx.fillStyle = css(mix([120, 40, 36], haze, 0.3));
  ctx.fillRect(lx - 3, base - 30, 6, 4);
}

/** The Kestrel Island car ferry: hull, car deck, two passenger decks, bridge, funnel. */
function carFerry(ctx: Ctx, cam: Camera, rng: Rng, at: Vec3, yaw: number, livery: RGB): void {
  const P = placer(at, yaw);
  const L = 92;
  const B = 18;
  const white: RGB = [226, 226, 220];
  const navy: RGB = [32, 48, 70];
  const glass: RGB = [40, 52, 62];
  const hullBottom = hullPlan(L, B * 0.86, 0.14, -1).map(P);
  const hullTop = hullPlan(L, B, 0.14, 7).map(P);
  for (const f of loftFaces(cam, hullBottom, hullTop, false)) {
    fillFace(ctx, cam, f, white);
    const d = distTo(cam, centroid(f.pts));
    fill3(ctx, cam, subQuad(f.pts, 0, 0, 1, 0.45), css(fogged(litColour(navy, f.normal), d)));
    fill3(ctx, cam, subQuad(f.pts, 0, 0.5, 1, 0.6), css(fogged(litColour(livery, f.normal), d)));
  }
  // Car deck with big side openings (cars glimpsed inside).
  modelBox(ctx, cam, P, -B / 2, B / 2, 7, 12, 3, L * 0.86, white, (f, c) => {
    if (f.index === -1) return;
    const d = distTo(cam, centroid(f.pts));
    const n = f.index % 2 === 1 ? 9 : 1;
    for (let i = 0; i < n; i++) {
      const u0 = 0.04 + (i / n) * 0.92;
      fill3(c, cam, subQuad(f.pts, u0, 0.18, u0 + (0.92 / n) * 0.78, 0.78), css(fogged([34, 36, 40], d)));
      // Roofs of cars and vans inside.
      for (let k = 0; k < 3; k++) {
        const cu = u0 + (0.92 / n) * (0.1 + k * 0.25);
        const car = rng.pick([[150, 30, 30], [200, 200, 200], [40, 60, 90], [90, 90, 90], [180, 170, 140]] as RGB[]);
        fill3(c, cam, subQuad(f.pts, cu, 0.2, cu + (0.92 / n) * 0.18, 0.36 + rng.range(0, 0.15)), css(fogged(shade(car, 0.7), d)));
      }
    }
  });
  const windowBand = (v0: number, v1: number, mullions: number) => (f: Face, c: Ctx) => {
    if (f.index === -1) return;
    const d = distTo(cam, centroid(f.pts));
    fill3(c, cam, subQuad(f.pts, 0.03, v0, 0.97, v1), css(fogged(glass, d)));
    for (let i = 1; i < mullions; i++) {
      const u = 0.03 + (i / mullions) * 0.94;
      fill3(c, cam, subQuad(f.pts, u, v0, u + 0.004, v1), css(fogged(white, d), 0.7));
    }
  };
  modelBox(ctx, cam, P, -B / 2 + 0.5, B / 2 - 0.5, 12, 15.2, 8, L * 0.82, white, windowBand(0.35, 0.8, 24));
  modelBox(ctx, cam, P, -B / 2 + 2, B / 2 - 2, 15.2, 18, 18, L * 0.76, white, windowBand(0.35, 0.78, 18));
  // Lifeboats / rafts along the upper deck.
  for (const z of [24, 34, 44]) {
    modelBox(ctx, cam, P, B / 2 - 2.6, B / 2 - 1, 15.4, 16.8, z, z + 6, [214, 110, 40]);
    modelBox(ctx, cam, P, -B / 2 + 1, -B / 2 + 2.6, 15.4, 16.8, z, z + 6, [214, 110, 40]);
  }
  // Wheelhouse forward, wrap-round windows.
  modelBox(ctx, cam, P, -B / 2 + 1, B / 2 - 1, 18, 21, L * 0.62, L * 0.74, white, windowBand(0.35, 0.85, 8));
  // Funnel aft: white with a livery band and black top.
  modelBox(ctx, cam, P, -2, 2, 18, 25.5, L * 0.22, L * 0.3, white, (f, c) => {
    const d = distTo(cam, centroid(f.pts));
    if (f.index === -1) {
      fill3(c, cam, f.pts, css(fogged([30, 30, 30], d)));
      return;
    }
    fill3(c, cam, subQuad(f.pts, 0, 0.55, 1, 0.78), css(fogged(litColour(livery, f.normal), d)));
    fill3(c, cam, subQuad(f.pts, 0, 0.9, 1, 1), css(fogged([30, 30, 30], d)));
  });
  // Mast and radar.
  beam3(ctx, cam, P([0, 21, L * 0.64]), P([0, 29, L * 0.64]), [60, 60, 60], 0.3);
  beam3(ctx, cam, P([-1.8, 27, L * 0.64]), P([1.8, 27, L * 0.64]), [60, 60, 60], 0.25);
}

/** Foam trails behind and beside a moving vessel. */
function wake(ctx: Ctx, cam: Camera, rng: Rng, at: Vec3, yaw: number, length: number, beam: number): void {
  const P = placer(at, yaw);
  for (let i = 0; i < 260; i++) {
    const t = rng.next();
    const side = rng.chance(0.5) ? -1 : 1;
    const spread = beam * 0.5 + t * length * 0.35;
    const z = -t * length;
    const inner = rng.chance(0.55);
    const x = inner ? rng.gauss() * beam * 0.25 : side * spread + rng.gauss() * 2;
    const p = P([x, 0, z]);
    const [sx, sy] = cam.project(p);
    const s = cam.scaleAt(p);
    softSpot(ctx, sx, sy, s * rng.range(1.5, 4), s * rng.range(0.3, 0.8), [228, 234, 232], (1 - t) * rng.range(0.2, 0.5));
  }
  // Bow wave along the forward hull.
  for (let i = 0; i < 60; i++) {
    const z = rng.range(55, 92);
    const side = rng.chance(0.5) ? -1 : 1;
    const p = P([side * (beam / 2 + 0.5), 0.2, z]);
    const [sx, sy] = cam.project(p);
    const s = cam.scaleAt(p);
    softSpot(ctx, sx, sy, s * rng.range(1, 3), s * rng.range(0.3, 0.7), [236, 240, 238], rng.range(0.3, 0.6));
  }
}

function sceneFerry(ctx: Ctx, rng: Rng, W: number, H: number): void {
  const horizon = H * rng.range(0.5, 0.56);
  const cam = new Camera([0, rng.range(3, 6), 0], 1000, W / 2, horizon);
  const skyTop = vary(rng, hex('#6f8096'), 0.06);
  const skyLow = vary(rng, hex('#d8d6cc'), 0.04);
  setFog(mix(skyLow, skyTop, 0.2), 1400);
  fillRectGradient(ctx, 0, 0, W, horizon + 1, [
    [0, skyTop],
    [0.65, mix(skyTop, skyLow, 0.75)],
    [1, skyLow],
  ]);
  // A brighter break in the clouds.
  softSpot(ctx, W * rng.range(0.2, 0.8), horizon * 0.45, W * 0.3, H * 0.12, [245, 240, 226], 0.45);
  clouds(ctx, rng, W, H, {
    y0: -30, y1: horizon * 0.75, count: 45, light: [232, 232, 228], dark: [104, 114, 128], size: 240, alpha: 0.55, blur: 12,
  });
  const islandLeft = rng.chance(0.5);
  const ix0 = islandLeft ? -W * 0.1 : W * rng.range(0.35, 0.5);
  island(ctx, rng, ix0, ix0 + W * rng.range(0.55, 0.75), horizon + 1, H * rng.range(0.06, 0.1), fogColour);
  ridge(ctx, rng, W, horizon + 1, H * 0.02, css(mix(fogColour, [80, 92, 96], 0.4)), 3);

  const waterFar = vary(rng, hex('#8a9894'), 0.05);
  const waterNear = vary(rng, hex('#3b4d4f'), 0.06);
  water(ctx, rng, W, H, horizon, waterFar, waterNear, { ripples: 1800, choppy: 1.2 });

  const goingRight = rng.chance(0.5);
  // Bow angled toward the camera, three-quarter view.
  const yaw = (goingRight ? 1 : -1) * (Math.PI - rng.range(1.0, 1.25));
  // Put the ship's middle at a chosen spot in the frame.
  const dist = rng.range(110, 130);
  const midX = ((rng.range(0.42, 0.58) * W - cam.cx) * dist) / cam.f;
  const at: Vec3 = [midX - Math.sin(yaw) * 46, 0, dist - Math.cos(yaw) * 46];
  const livery = rng.pick([hex('#a4262c'), hex('#2f6b5a'), hex('#c08a2e')]);
  const frng = rng.fork('ferry');
  reflection(ctx, rng, W, H, horizon, (l) => carFerry(l, cam.mirrored(), frng.fork('r'), at, yaw, livery), 0.3);
  wake(ctx, cam, rng, at, yaw, 140, 18);
  carFerry(ctx, cam, frng.fork('r'), at, yaw, livery);
  gulls(ctx, rng, rng.int(3, 7), 0, W, H * 0.1, horizon * 0.7, [50, 54, 58]);
}

// ---------------------------------------------------------------------------
// Scene: floodlit stadium — pitch, stands full of people, light masts
// ---------------------------------------------------------------------------

const CROWD: RGB[] = [
  [40, 42, 48], [30, 30, 34], [70, 64, 60], [96, 90, 84], [58, 66, 82], [120, 110, 100],
  [150, 140, 128], [84, 40, 40], [200, 190, 176], [46, 58, 48],
];

/** Speckle a stand (a quad in the world) with spectators: heads and coats. */
function crowd(ctx: Ctx, cam: Camera, rng: Rng, quad: Vec3[], count: number, team: RGB, base: RGB): void {
  fill3(ctx, cam, quad, css(fogged(base, distTo(cam, centroid(quad)))));
  // Tiers of seating: faint horizontal lines.
  for (let t = 0; t <= 1; t += 0.04) {
    const a = quadAt(quad, 0, t);
    const b = quadAt(quad, 1, t);
    line3(ctx, cam, a, b, css(shade(base, 1.5), 0.35), 1);
  }
  for (let i = 0; i < count; i++) {
    const u = rng.next();
    const v = rng.next();
    const p = quadAt(quad, u, v);
    const [x, y] = cam.project(p);
    const s = cam.scaleAt(p);
    const r = Math.max(0.7, s * 0.22);
    const c = rng.chance(0.13) ? vary(rng, shade(team, 0.85), 0.15) : rng.pick(CROWD);
    ctx.fillStyle = css(fogged(c, distTo(cam, p)));
    ctx.fillRect(x - r, y - r * 0.4, r * 2, r * 1.6);
    ctx.fillStyle = css(fogged(rng.pick(SKINS), distTo(cam, p)), 0.9);
    ctx.fillRect(x - r * 0.45, y - r * 1.3, r * 0.9, r * 0.9);
  }
}

/** A lattice floodlight mast with a bank of lamps aimed at the pitch. */
function floodlightMast(ctx: Ctx, cam: Camera, x: number, z: number, h: number, glowLayer: Ctx): void {
  const steel: RGB = [70, 74, 80];
  beam3(ctx, cam, [x - 1, 0, z], [x - 0.4, h, z], steel, 0.5);
  beam3(ctx, cam, [x + 1, 0, z], [x + 0.4, h, z], steel, 0.5);
  for (let y = 3; y < h; y += 4) beam3(ctx, cam, [x - 0.9, y, z], [x + 0.9, y + 4, z], steel, 0.15);
  // Lamp head: a grid of bright lamps.
  const head: Vec3[] = [
    [x - 6, h, z],
    [x + 6, h, z],
    [x + 6, h + 7, z],
    [x - 6, h + 7, z],
  ];
  fill3(ctx, cam, head, css([40, 42, 46]));
  for (let r = 0; r < 4; r++) {
    for (let c = 0; c < 7; c++) {
      const p = quadAt(head, (c + 0.5) / 7, (r + 0.5) / 4);
      const [sx, sy] = cam.project(p);
      const sc = cam.scaleAt(p);
      ctx.fillStyle = 'rgb(255,252,240)';
      ctx.beginPath();
      ctx.arc(sx, sy, Math.max(1, sc * 0.55), 0, Math.PI * 2);
      ctx.fill();
    }
  }
  const [gx, gy] = cam.project([x, h + 3.5, z]);
  const gs = cam.scaleAt([x, h + 3.5, z]);
  softSpot(glowLayer, gx, gy, gs * 16, gs * 12, [255, 248, 226], 0.9);
  softSpot(glowLayer, gx, gy, gs * 45, gs * 35, [220, 224, 235], 0.35);
}

function pitchMarkings(ctx: Ctx, cam: Camera): void {
  const white = 'rgba(240,244,240,0.85)';
  const w = 0.14;
  const L = 52.5;
  const Wd = 34;
  const seg = (a: Vec3, b: Vec3) => line3(ctx, cam, a, b, white, Math.max(1, w * cam.scaleAt([(a[0] + b[0]) / 2, 0, (a[2] + b[2]) / 2])));
  const rect = (x0: number, x1: number, z0: number, z1: number) => {
    seg([x0, 0, z0], [x1, 0, z0]);
    seg([x1, 0, z0], [x1, 0, z1]);
    seg([x1, 0, z1], [x0, 0, z1]);
    seg([x0, 0, z1], [x0, 0, z0]);
  };
  const arc = (cx: number, cz: number, r: number, a0: number, a1: number) => {
    const n = 48;
    for (let i = 0; i < n; i++) {
      const t0 = a0 + ((a1 - a0) * i) / n;
      const t1 = a0 + ((a1 - a0) * (i + 1)) / n;
      seg([cx + r * Math.cos(t0), 0, cz + r * Math.sin(t0)], [cx + r * Math.cos(t1), 0, cz + r * Math.sin(t1)]);
    }
  };
  rect(-L, L, -Wd, Wd);
  seg([0, 0, -Wd], [0, 0, Wd]);
  arc(0, 0, 9.15, 0, Math.PI * 2);
  for (const side of [-1, 1]) {
    const gx = side * L;
    rect(Math.min(gx, gx - side * 16.5), Math.max(gx, gx - side * 16.5), -20.16, 20.16);
    rect(Math.min(gx, gx - side * 5.5), Math.max(gx, gx - side * 5.5), -9.16, 9.16);
    const a = Math.acos(5.5 / 9.15);
    const spot = gx - side * 11;
    if (side < 0) arc(spot, 0, 9.15, -a, a);
    else arc(spot, 0, 9.15, Math.PI - a, Math.PI + a);
  }
}

function goal(ctx: Ctx, cam: Camera, side: number): void {
  const x = side * 52.5;
  const back = x + side * 2;
  const net = 'rgba(230,230,230,0.35)';
  for (let k = 0; k <= 12; k++) {
    const z = -3.66 + (7.32 * k) / 12;
    line3(ctx, cam, [back, 0, z], [back, 2.2, z], net, 1);
    line3(ctx, cam, [x, 2.44, z], [back, 2.2, z], net, 1);
  }
  for (let k = 0; k <= 4; k++) line3(ctx, cam, [back, (2.2 * k) / 4, -3.66], [back, (2.2 * k) / 4, 3.66], net, 1);
  const post = (a: Vec3, b: Vec3) => line3(ctx, cam, a, b, 'rgb(245,245,245)', Math.max(1.5, 0.12 * cam.scaleAt(a)));
  post([x, 0, -3.66], [x, 2.44, -3.66]);
  post([x, 0, 3.66], [x, 2.44, 3.66]);
  post([x, 2.44, -3.66], [x, 2.44, 3.66]);
}

/** A footballer: shirt, shorts, socks, with soft shadows from the four masts. */
function player(ctx: Ctx, cam: Camera, x: number, z: number, shirt: RGB, shorts: RGB, rng: Rng): void {
  const [fx, fy] = cam.project([x, 0, z]);
  const ppm = cam.scaleAt([x, 0, z]);
  const H = 1.82 * ppm;
  for (const [dx, dz] of [[-1, -1], [1, -1], [-1, 1], [1, 1]]) {
    const [sx, sy] = cam.project([x + dx! * 0.9, 0, z + dz! * 0.9]);
    softSpot(ctx, (fx + sx) / 2, (fy + sy) / 2, H * 0.35, H * 0.08, [10, 30, 10], 0.18);
  }
  const w = H * 0.26;
  const stride = rng.range(-0.14, 0.14) * H;
  ctx.fillStyle = css(shorts === shirt ? shade(shirt, 0.8) : [235, 235, 235]);
  ctx.fillRect(fx - w * 0.35 + stride * 0.2, fy - H * 0.3, w * 0.25, H * 0.3);
  ctx.fillRect(fx + w * 0.1 - stride * 0.2, fy - H * 0.3, w * 0.25, H * 0.3);
  ctx.fillStyle = css([214, 184, 160]);
  ctx.fillRect(fx - w * 0.35 + stride * 0.2, fy - H * 0.42, w * 0.25, H * 0.12);
  ctx.fillRect(fx + w * 0.1 - stride * 0.2, fy - H * 0.42, w * 0.25, H * 0.12);
  ctx.fillStyle = css(shorts);
  ctx.fillRect(fx - w * 0.42, fy - H * 0.55, w * 0.84, H * 0.15);
  ctx.fillStyle = css(shirt);
  ctx.fillRect(fx - w * 0.5, fy - H * 0.84, w, H * 0.31);
  ctx.fillStyle = css(rng.pick(SKINS));
  ctx.beginPath();
  ctx.arc(fx, fy - H * 0.91, H * 0.07, 0, Math.PI * 2);
  ctx.fill();
}

function sceneStadium(ctx: Ctx, rng: Rng, W: number, H: number): void {
  const cam = new Camera([rng.range(-20, 20), rng.range(24, 30), -rng.range(72, 80)], 760, W / 2, H * 0.5, rng.range(-0.08, 0.08), 0.28);
  setFog([40, 46, 60], 900);
  // Night sky, brightened by the floodlights.
  fillRectGradient(ctx, 0, 0, W, H, [
    [0, [14, 18, 30]],
    [0.35, [40, 46, 62]],
    [1, [40, 46, 60]],
  ]);
  const glow = newCanvas(W, H);
  const team: RGB = rng.pick([[150, 30, 36], [28, 60, 120], [200, 150, 40]] as RGB[]);
  const away: RGB = rng.pick([[235, 235, 235], [30, 30, 30], [40, 110, 80]] as RGB[]);
  const crng = rng.fork('crowd');

  // Far stand, its roof, and the stands behind each goal.
  const far: Vec3[] = [[-75, 3, 41], [75, 3, 41], [75, 30, 72], [-75, 30, 72]];
  fill3(ctx, cam, [[-80, 0, 38], [80, 0, 38], [80, 40, 80], [-80, 40, 80]], css([24, 26, 32]));
  crowd(ctx, cam, crng, far, 14000, team, [40, 40, 46]);
  fill3(ctx, cam, [[-75, 0, 40], [75, 0, 40], [75, 3, 41], [-75, 3, 41]], css([60, 62, 68]));
  for (const side of [-1, 1]) {
    const q: Vec3[] = [
      [side * 62, 3, -45],
      [side * 62, 3, 40],
      [side * 90, 26, 40],
      [side * 90, 26, -45],
    ];
    crowd(ctx, cam, crng, q, 5000, team, [36, 36, 42]);
  }
  // Roof over the far stand: dark underside with a row of lights.
  fill3(ctx, cam, [[-80, 36, 34], [80, 36, 34], [80, 40, 76], [-80, 40, 76]], css([30, 32, 38]));
  fill3(ctx, cam, [[-80, 35, 34], [80, 35, 34], [80, 37.5, 34], [-80, 37.5, 34]], css([120, 124, 130]));
  for (let x = -70; x <= 70; x += 10) {
    const [sx, sy] = cam.project([x, 34.6, 34.5]);
    softSpot(glow.ctx, sx, sy, 14, 10, [255, 250, 230], 0.8);
  }

  // Surround, advertising boards, the pitch.
  fill3(ctx, cam, [[-70, 0, -60], [70, 0, -60], [70, 0, 40], [-70, 0, 40]], css([44, 64, 44]));
  fill3(ctx, cam, [[-70, 0, -60], [70, 0, -60], [70, 0, -41], [-70, 0, -41]], css([52, 50, 50]));
  const stripes = 18;
  const g1: RGB = vary(rng, [66, 104, 58], 0.05);
  const g2: RGB = shade(g1, 1.12);
  for (let i = 0; i < stripes; i++) {
    const x0 = -56 + (112 * i) / stripes;
    const x1 = -56 + (112 * (i + 1)) / stripes;
    fill3(ctx, cam, [[x0, 0, -37], [x1, 0, -37], [x1, 0, 37], [x0, 0, 37]], css(i % 2 ? g1 : g2));
  }
  // Floodlit centre, darker edges.
  const [pcx, pcy] = cam.project([0, 0, 0]);
  softSpot(ctx, pcx, pcy, W * 0.6, H * 0.25, [200, 225, 180], 0.16);
  pitchMarkings(ctx, cam);
  const boards = [[200, 60, 50], [40, 90, 160], [230, 220, 200], [40, 140, 90], [220, 160, 40]] as RGB[];
  for (let x = -60; x < 60; x += 8) {
    const c = boards[Math.abs(Math.round(x / 8 + rng.int(0, 2))) % boards.length]!;
    fill3(ctx, cam, [[x, 0, 38], [x + 8, 0, 38], [x + 8, 1, 38], [x, 1, 38]], css(mix(c, [255, 255, 255], 0.25)));
  }
  // Boards on the near side, seen from behind: dark backs.
  fill3(ctx, cam, [[-60, 0, -40], [60, 0, -40], [60, 1, -40], [-60, 1, -40]], css([26, 28, 30]));
  goal(ctx, cam, -1);
  goal(ctx, cam, 1);

  // Players, in play around the ball.
  const prng = rng.fork('players');
  const ballX = prng.range(-35, 35);
  const ballZ = prng.range(-20, 25);
  const players: Array<[number, number, RGB, RGB]> = [];
  for (let i = 0; i < 20; i++) {
    const home = i < 10;
    const x = Math.max(-50, Math.min(50, ballX + prng.gauss() * 18 + (home ? -6 : 6)));
    const z = Math.max(-32, Math.min(32, ballZ + prng.gauss() * 12));
    players.push([x, z, home ? team : away, home ? [240, 240, 240] : shade(away, 0.8)]);
  }
  players.push([-50, prng.range(-3, 3), [60, 160, 80], [30, 30, 30]]);
  players.push([50, prng.range(-3, 3), [220, 200, 40], [30, 30, 30]]);
  players.sort((a, b) => b[1] - a[1]);
  for (const [x, z, shirt, shorts] of players) player(ctx, cam, x, z, shirt, shorts, prng);
  const [bx, by] = cam.project([ballX, 0.11, ballZ]);
  ctx.fillStyle = 'rgb(250,250,250)';
  ctx.beginPath();
  ctx.arc(bx, by, Math.max(1.2, 0.11 * cam.scaleAt([ballX, 0, ballZ])), 0, Math.PI * 2);
  ctx.fill();

  // Floodlight masts at the corners.
  for (const side of [-1, 1]) floodlightMast(ctx, cam, side * 68, 55, 52, glow.ctx);
  ctx.save();
  ctx.globalCompositeOperation = 'screen';
  ctx.filter = 'blur(3px)';
  ctx.drawImage(glow.canvas, 0, 0);
  ctx.restore();
  // Drizzle caught in the light.
  ctx.strokeStyle = 'rgba(220,225,235,0.16)';
  ctx.lineWidth = 1;
  for (let i = 0; i < 500; i++) {
    const x = rng.range(0, W);
    const y = rng.range(0, H * 0.5);
    const l = rng.range(8, 18);
    ctx.beginPath();
    ctx.moveTo(x, y);
    ctx.lineTo(x - l * 0.15, y + l);
    ctx.stroke();
  }
  // Heads of the crowd in front of the camera, out of focus.
  layer(ctx, W, H, (l) => {
    for (let x = -40; x < W + 40; x += rng.range(60, 120)) {
      const y = H + rng.range(-45, 10);
      const r = rng.range(40, 62);
      l.fillStyle = css(rng.pick([[20, 18, 18], [34, 28, 24], [50, 46, 44]] as RGB[]));
      l.beginPath();
      l.ellipse(x, y, r * 0.85, r, 0, 0, Math.PI * 2);
      l.fill();
      l.fillRect(x - r * 1.6, y + r * 0.6, r * 3.2, r * 2);
    }
  }, { blur: 10 });
}

// ---------------------------------------------------------------------------
// Scene: council chamber — curved dais, city seal, rows of public seats
// ---------------------------------------------------------------------------

/** Someone seated, seen from the front (a councillor) or from behind (public). */
function seatedFigure(ctx: Ctx, cam: Camera, x: number, y: number, z: number, s: PersonStyle, fromBehind: boolean): void {
  const [sx, sy] = cam.project([x, y, z]);
  const ppm = cam.scaleAt([x, y, z]);
  const sw = 0.46 * ppm; // shoulder width
  // Shoulders and upper body.
  ctx.beginPath();
  ctx.moveTo(sx - sw / 2, sy + 0.5 * ppm);
  ctx.lineTo(sx - sw / 2, sy + 0.1 * ppm);
  ctx.quadraticCurveTo(sx - sw / 2, sy - 0.02 * ppm, sx - sw * 0.25, sy - 0.04 * ppm);
  ctx.lineTo(sx + sw * 0.25, sy - 0.04 * ppm);
  ctx.quadraticCurveTo(sx + sw / 2, sy - 0.02 * ppm, sx + sw / 2, sy + 0.1 * ppm);
  ctx.lineTo(sx + sw / 2, sy + 0.5 * ppm);
  ctx.closePath();
  const g = ctx.createLinearGradient(sx - sw / 2, 0, sx + sw / 2, 0);
  g.addColorStop(0, css(shade(s.coat, 1.1)));
  g.addColorStop(1, css(shade(s.coat, 0.75)));
  ctx.fillStyle = g;
  ctx.fill();
  if (!fromBehind) {
    // Shirt collar.
    ctx.fillStyle = css([225, 225, 220]);
    ctx.beginPath();
    ctx.moveTo(sx - sw * 0.12, sy - 0.03 * ppm);
    ctx.lineTo(sx, sy + 0.14 * ppm);
    ctx.lineTo(sx + sw * 0.12, sy - 0.03 * ppm);
    ctx.fill();
  }
  const hr = 0.11 * ppm;
  const hy = sy - 0.16 * ppm;
  ctx.fillStyle = css(s.skin);
  ctx.fillRect(sx - hr * 0.45, hy, hr * 0.9, 0.14 * ppm);
  ctx.beginPath();
  ctx.ellipse(sx, hy, hr * 0.82, hr, 0, 0, Math.PI * 2);
  ctx.fillStyle = css(fromBehind ? s.hair : s.skin);
  ctx.fill();
  ctx.beginPath();
  if (fromBehind) {
    ctx.ellipse(sx, hy + hr * 0.1, hr * 0.86, hr * 1.02, 0, 0, Math.PI * 2);
  } else {
    ctx.ellipse(sx, hy - hr * 0.35, hr * 0.86, hr * 0.7, 0, Math.PI, Math.PI * 2);
  }
  ctx.fillStyle = css(s.hair);
  ctx.fill();
}

/** The city seal: gold ring, blue field, a white ship under sail. */
function citySeal(ctx: Ctx, cam: Camera, x: number, y: number, z: number, r: number): void {
  const [sx, sy] = cam.project([x, y, z]);
  const R = r * cam.scaleAt([x, y, z]);
  softSpot(ctx, sx, sy + R * 0.1, R * 1.4, R * 1.4, [0, 0, 0], 0.25);
  ctx.beginPath();
  ctx.arc(sx, sy, R, 0, Math.PI * 2);
  const g = ctx.createLinearGradient(sx - R, sy - R, sx + R, sy + R);
  g.addColorStop(0, 'rgb(212,178,98)');
  g.addColorStop(1, 'rgb(140,106,46)');
  ctx.fillStyle = g;
  ctx.fill();
  ctx.beginPath();
  ctx.arc(sx, sy, R * 0.78, 0, Math.PI * 2);
  ctx.fillStyle = 'rgb(34,58,92)';
  ctx.fill();
  ctx.fillStyle = 'rgb(235,230,214)';
  ctx.beginPath();
  ctx.moveTo(sx - R * 0.45, sy + R * 0.2);
  ctx.lineTo(sx + R * 0.45, sy + R * 0.2);
  ctx.lineTo(sx + R * 0.32, sy + R * 0.38);
  ctx.lineTo(sx - R * 0.32, sy + R * 0.38);
  ctx.fill();
  ctx.beginPath();
  ctx.moveTo(sx - R * 0.05, sy + R * 0.15);
  ctx.lineTo(sx - R * 0.05, sy - R * 0.5);
  ctx.lineTo(sx - R * 0.38, sy + R * 0.12);
  ctx.fill();
  ctx.beginPath();
  ctx.moveTo(sx + R * 0.02, sy + R * 0.15);
  ctx.lineTo(sx + R * 0.02, sy - R * 0.42);
  ctx.lineTo(sx + R * 0.3, sy + R * 0.12);
  ctx.fill();
  // Waves under the ship.
  ctx.strokeStyle = 'rgb(235,230,214)';
  ctx.lineWidth = Math.max(1, R * 0.04);
  for (let k = 0; k < 2; k++) {
    ctx.beginPath();
    for (let i = 0; i <= 8; i++) {
      const px = sx - R * 0.55 + (i / 8) * R * 1.1;
      const py = sy + R * (0.5 + k * 0.12) + Math.sin(i * 1.6) * R * 0.03;
      if (i === 0) ctx.moveTo(px, py);
      else ctx.lineTo(px, py);
    }
    ctx.stroke();
  }
  // Stars around the ring.
  ctx.fillStyle = 'rgb(90,66,24)';
  for (let i = 0; i < 24; i++) {
    const a = (i / 24) * Math.PI * 2;
    ctx.beginPath();
    ctx.arc(sx + Math.cos(a) * R * 0.89, sy + Math.sin(a) * R * 0.89, R * 0.03, 0, Math.PI * 2);
    ctx.fill();
  }
}

/** A flag hanging from a pole, with soft vertical folds. */
function hangingFlag(ctx: Ctx, cam: Camera, x: number, z: number, colours: RGB[]): void {
  beam3(ctx, cam, [x, 0.8, z], [x, 4.6, z], [150, 120, 60], 0.05);
  const [tx, ty] = cam.project([x, 4.65, z]);
  softSpot(ctx, tx, ty, 3, 3, [230, 200, 120], 1);
  const top: Vec3 = [x, 4.5, z];
  const [ax, ay] = cam.project(top);
  const ppm = cam.scaleAt(top);
  const w = 0.9 * ppm;
  const h = 1.9 * ppm;
  const dir = x < 0 ? 1 : -1;
  ctx.save();
  ctx.beginPath();
  ctx.moveTo(ax, ay);
  ctx.lineTo(ax + dir * w * 0.5, ay + h * 0.05);
  ctx.quadraticCurveTo(ax + dir * w * 0.35, ay + h * 0.6, ax + dir * w * 0.12, ay + h);
  ctx.lineTo(ax, ay + h * 0.95);
  ctx.closePath();
  ctx.clip();
  const band = h / colours.length;
  colours.forEach((c, i) => {
    ctx.fillStyle = css(c);
    ctx.fillRect(ax - w, ay + i * band, w * 2, band + 1);
  });
  const folds = ctx.createLinearGradient(ax, 0, ax + dir * w * 0.5, 0);
  for (let i = 0; i <= 6; i++) folds.addColorStop(i / 6, i % 2 ? 'rgba(0,0,0,0.25)' : 'rgba(255,255,255,0.08)');
  ctx.fillStyle = folds;
  ctx.fillRect(ax - w, ay, w * 2, h);
  ctx.restore();
}

function sceneCouncil(ctx: Ctx, rng: Rng, W: number, H: number): void {
  const cam = new Camera([rng.range(-1.2, 1.2), 2.5, -0.5], 800, W / 2, H * 0.42, rng.range(-0.05, 0.05), 0.1);
  setFog([60, 50, 40], 400);
  const X = 10;
  const Y = 8;
  const Z = 24;
  const wood = vary(rng, hex('#6b4a30'), 0.06);
  const plaster = vary(rng, hex('#d9cfbd'), 0.03);
  const scheme = rng.int(0, 2);
  const carpet = [hex('#4a2a2e'), hex('#2b3a4a'), hex('#3c4234')][scheme]!;
  const seatColour = [hex('#3a4658'), hex('#6a3a34'), hex('#5a5650')][scheme]!;

  // Ceiling, walls, floor.
  fill3(ctx, cam, [[-X, Y, 0], [X, Y, 0], [X, Y, Z], [-X, Y, Z]], css([196, 190, 178]));
  for (let z = 3; z < Z; z += 4) {
    for (const x of [-5, 0, 5]) {
      fill3(ctx, cam, [[x - 0.6, Y - 0.01, z], [x + 0.6, Y - 0.01, z], [x + 0.6, Y - 0.01, z + 1.2], [x - 0.6, Y - 0.01, z + 1.2]], 'rgb(255,250,232)');
    }
  }
  for (const side of [-1, 1]) {
    const x = side * X;
    fill3(ctx, cam, [[x, 0, 0], [x, 0, Z], [x, Y, Z], [x, Y, 0]], css(shade(plaster, 0.82)));
    fill3(ctx, cam, [[x, 0, 0], [x, 0, Z], [x, 2.6, Z], [x, 2.6, 0]], css(shade(wood, 0.85)));
    for (let z = 2; z < Z; z += 3) {
      line3(ctx, cam, [x, 0, z], [x, 2.6, z], css(shade(wood, 0.55)), 1.5);
      if (side < 0) {
        // Tall windows with grey rainy daylight.
        const win: Vec3[] = [[x, 3.2, z + 0.6], [x, 3.2, z + 2.2], [x, 7, z + 2.2], [x, 7, z + 0.6]];
        fill3(ctx, cam, win, css([186, 196, 204]));
        line3(ctx, cam, quadAt(win, 0.5, 0), quadAt(win, 0.5, 1), css([120, 110, 96]), 2);
        line3(ctx, cam, quadAt(win, 0, 0.5), quadAt(win, 1, 0.5), css([120, 110, 96]), 2);
      } else {
        // Portraits of past mayors.
        const fr: Vec3[] = [[x, 3.6, z + 0.8], [x, 3.6, z + 1.9], [x, 5, z + 1.9], [x, 5, z + 0.8]];
        fill3(ctx, cam, fr, css([150, 118, 60]));
        fill3(ctx, cam, subQuad(fr, 0.1, 0.08, 0.9, 0.92), css(rng.pick([[60, 50, 44], [70, 62, 50], [52, 46, 48]] as RGB[])));
      }
    }
  }
  // Daylight from the windows washing the floor and the far wall.
  fill3(ctx, cam, [[-X, 0, -1], [X, 0, -1], [X, 0, Z], [-X, 0, Z]], css(carpet));
  const [lx, ly] = cam.project([-X, 0, 10]);
  softSpot(ctx, lx, ly, W * 0.5, H * 0.2, [200, 210, 220], 0.12);
  // Back wall: plaster above, panelling below, pools of light from the ceiling.
  fill3(ctx, cam, [[-X, 0, Z], [X, 0, Z], [X, Y, Z], [-X, Y, Z]], css(plaster));
  fill3(ctx, cam, [[-X, 0, Z], [X, 0, Z], [X, 3.2, Z], [-X, 3.2, Z]], css(wood));
  for (let x = -X; x <= X; x += 2) line3(ctx, cam, [x, 0, Z], [x, 3.2, Z], css(shade(wood, 0.6)), 1.5);
  line3(ctx, cam, [-X, 3.2, Z], [X, 3.2, Z], css(shade(wood, 1.3)), 3);
  for (const x of [-6, 0, 6]) {
    const [px, py] = cam.project([x, 6.5, Z]);
    softSpot(ctx, px, py, 110, 140, [255, 236, 200], 0.3);
  }
  citySeal(ctx, cam, 0, 5.1, Z - 0.02, 1.5);
  hangingFlag(ctx, cam, -3.6, Z - 0.8, [[34, 58, 92], [230, 226, 214], [34, 58, 92]]);
  hangingFlag(ctx, cam, 3.6, Z - 0.8, [[150, 40, 44], [230, 226, 214], [34, 58, 92]]);

  // The dais: platform, high-backed chairs, councillors, curved desk.
  const R = 7.5;
  const cz = Z + 0.5;
  fill3(ctx, cam, [[-X, 0, 16.5], [X, 0, 16.5], [X, 0.6, 16.5], [-X, 0.6, 16.5]], css(shade(wood, 0.7)));
  fill3(ctx, cam, [[-X, 0.6, 16.5], [X, 0.6, 16.5], [X, 0.6, Z], [-X, 0.6, Z]], css(shade(carpet, 1.1)));
  const seats = 9;
  const srng = rng.fork('council');
  const arcPt = (a: number, r: number, y: number): Vec3 => [r * Math.cos(a), y, cz + r * Math.sin(a)];
  const a0 = Math.PI * 1.14;
  const a1 = Math.PI * 1.86;
  for (let i = 0; i < seats; i++) {
    const a = a0 + ((i + 0.5) / seats) * (a1 - a0);
    const c = arcPt(a, R + 1.2, 0.6);
    const back: Vec3[] = [[c[0] - 0.3, 1.3, c[2]], [c[0] + 0.3, 1.3, c[2]], [c[0] + 0.28, 2.75, c[2]], [c[0] - 0.28, 2.75, c[2]]];
    fill3(ctx, cam, back, css([58, 30, 30]));
    if (srng.chance(0.75)) {
      const p = arcPt(a, R + 0.8, 2.2);
      seatedFigure(ctx, cam, p[0], p[1], p[2], randomPerson(srng, 0), false);
    }
  }
  const steps = 40;
  for (let i = 0; i < steps; i++) {
    const t0 = a0 - 0.06 + ((a1 - a0 + 0.12) * i) / steps;
    const t1 = a0 - 0.06 + ((a1 - a0 + 0.12) * (i + 1)) / steps;
    const q: Vec3[] = [arcPt(t0, R, 0.6), arcPt(t1, R, 0.6), arcPt(t1, R, 1.75), arcPt(t0, R, 1.75)];
    const nrm = norm([Math.cos((t0 + t1) / 2), 0, Math.sin((t0 + t1) / 2)]);
    fill3(ctx, cam, q, css(litColour(wood, [-nrm[0], 0, -nrm[2]], 0.75)));
    if (i % 4 === 0) line3(ctx, cam, q[0]!, q[3]!, css(shade(wood, 0.6)), 1.2);
    fill3(ctx, cam, [arcPt(t0, R, 1.75), arcPt(t1, R, 1.75), arcPt(t1, R + 0.7, 1.8), arcPt(t0, R + 0.7, 1.8)], css(shade(wood, 1.25)));
  }
  // Nameplates and microphones along the desk.
  for (let i = 0; i < seats; i++) {
    const a = a0 + ((i + 0.5) / seats) * (a1 - a0);
    const p = arcPt(a, R - 0.01, 1.6);
    const [sx, sy] = cam.project(p);
    const s = cam.scaleAt(p);
    ctx.fillStyle = 'rgb(236,232,220)';
    ctx.fillRect(sx - s * 0.25, sy - s * 0.06, s * 0.5, s * 0.1);
    const m = arcPt(a, R + 0.3, 1.8);
    const [mx, my] = cam.project(m);
    ctx.strokeStyle = 'rgb(30,30,30)';
    ctx.lineWidth = 1.2;
    ctx.beginPath();
    ctx.moveTo(mx, my);
    ctx.lineTo(mx + s * 0.08, my - s * 0.35);
    ctx.stroke();
  }
  // Clerk's table below the dais.
  box3(ctx, cam, -2.5, 2.5, 0, 0.8, 14, 15.2, shade(wood, 0.9));

  // Public seating in two blocks with a centre aisle, seen from behind.
  const prng = rng.fork('public');
  for (let z = 12; z >= 1; z -= 1.1) {
    for (let x = -8.6; x < 8.6; x += 0.62) {
      if (Math.abs(x + 0.31) < 1.1) continue;
      const occupied = prng.chance(0.45);
      const back: Vec3[] = [[x + 0.04, 0.45, z], [x + 0.58, 0.45, z], [x + 0.58, 0.98, z], [x + 0.04, 0.98, z]];
      if (occupied) seatedFigure(ctx, cam, x + 0.31, 1.22, z + 0.25, randomPerson(prng, 0), true);
      fill3(ctx, cam, back, css(vary(prng, seatColour, 0.04)));
      fill3(ctx, cam, subQuad(back, 0, 0.9, 1, 1), css(shade(seatColour, 1.35)));
    }
  }
  // Room light falls off away from the dais.
  const [fx, fy] = cam.project([0, 3, Z]);
  const fall = ctx.createRadialGradient(fx, fy, H * 0.15, fx, fy, W * 0.8);
  fall.addColorStop(0, 'rgba(255,240,210,0.06)');
  fall.addColorStop(1, 'rgba(20,14,8,0.45)');
  ctx.fillStyle = fall;
  ctx.fillRect(0, 0, W, H);
}

// ---------------------------------------------------------------------------
// Scene: street market — striped awnings, produce, shoppers, wet street
// ---------------------------------------------------------------------------

const FACADES: RGB[] = [
  hex('#8a5a46'), hex('#b9ab92'), hex('#7d8288'), hex('#9c7b5a'), hex('#6c5548'),
  hex('#a89f8e'), hex('#5f6b6e'), hex('#b59a7a'),
];

/** A run of terraced buildings along one side of a street (x = const). */
function streetFacades(ctx: Ctx, cam: Camera, rng: Rng, x: number, z0: number, z1: number, minH: number, maxH: number): void {
  const side = Math.sign(x);
  let z = z0;
  const blocks: Array<[number, number, number, RGB]> = [];
  while (z < z1) {
    const len = rng.range(6, 13);
    blocks.push([z, z + len, rng.range(minH, maxH), vary(rng, rng.pick(FACADES), 0.06)]);
    z += len;
  }
  // Far blocks first.
  for (const [a, b, h, c] of blocks.reverse()) {
    const face: Vec3[] = [[x, 0, a], [x, 0, b], [x, h, b], [x, h, a]];
    const d = distTo(cam, centroid(face));
    fill3(ctx, cam, face, css(fogged(litColour(c, [-side, 0, 0]), d)));
    // Cornice.
    fill3(ctx, cam, subQuad(face, 0, 0.96, 1, 1), css(fogged(shade(c, 1.25), d)));
    // Upper windows.
    const floors = Math.floor((h - 3.5) / 3);
    const cols = Math.max(1, Math.floor((b - a) / 2.4));
    for (let f = 0; f < floors; f++) {
      for (let k = 0; k < cols; k++) {
        const u0 = (k + 0.3) / cols;
        const u1 = (k + 0.7) / cols;
        const v0 = (3.8 + f * 3) / h;
        const v1 = (5.4 + f * 3) / h;
        const fw = 0.12 / (b - a);
        fill3(ctx, cam, subQuad(face, u0 - fw, v0 - 0.12 / h, u1 + fw, v1 + 0.12 / h), css(fogged(mix(c, [225, 220, 210], 0.5), d)));
        const pane = rng.chance(0.15) ? [150, 128, 96] as RGB : [64, 70, 78] as RGB;
        fill3(ctx, cam, subQuad(face, u0, v0, u1, v1), css(fogged(pane, d)));
        fill3(ctx, cam, subQuad(face, u0, (v0 + v1) / 2, u1, v1), css(fogged(mix(pane, [170, 176, 182], 0.3), d)));
        fill3(ctx, cam, subQuad(face, u0 - fw, v0 - 0.25 / h, u1 + fw, v0 - 0.1 / h), css(fogged(mix(c, [225, 220, 210], 0.6), d)));
      }
    }
    // Shopfront at street level.
    fill3(ctx, cam, subQuad(face, 0.08, 0.02, 0.92, 3 / h), css(fogged([40, 46, 50], d)));
    fill3(ctx, cam, subQuad(face, 0.05, 3 / h, 0.95, 3.6 / h), css(fogged(vary(rng, [60, 70, 64], 0.3), d)));
  }
}

const AWNINGS: Array<[RGB, RGB]> = [
  [hex('#9b3b33'), hex('#e4dccb')],
  [hex('#3f6a52'), hex('#e2dccb')],
  [hex('#2f4a6b'), hex('#ddd8ca')],
  [hex('#b4843a'), hex('#e6dfcd')],
  [hex('#7a4a5e'), hex('#e0d8c8')],
];
const PRODUCE: RGB[] = [
  hex('#b8382a'), hex('#d9822b'), hex('#e0c045'), hex('#6f9a3a'), hex('#3f6e2e'),
  hex('#6b2f4a'), hex('#c9a36a'), hex('#8c5a2b'), hex('#d8d2c0'),
];

/** One market stall: table with produce crates, posts, a striped awning. */
function marketStall(ctx: Ctx, cam: Camera, rng: Rng, side: number, z0: number, z1: number, keeper: PersonStyle | null): void {
  const xi = side * 2.4; // inner (street) edge
  const xo = side * 4.8; // back
  const [stripe, cream] = rng.pick(AWNINGS);
  // Back cloth.
  fill3(ctx, cam, [[xo, 0, z0], [xo, 0, z1], [xo, 2.7, z1], [xo, 2.7, z0]], css(fogged(shade(stripe, 0.45), distTo(cam, [xo, 1, z0]))));
  if (keeper) person(ctx, cam, side * 4.1, (z0 + z1) / 2 + rng.range(-0.6, 0.6), keeper);
  // Table with cloth, then crates of produce on the top.
  const tableX0 = side > 0 ? xi + 0.2 : xi - 1.6;
  const cloth = rng.pick([[64, 92, 70], [170, 160, 140], [90, 60, 50], [60, 70, 90], [120, 100, 80]] as RGB[]);
  const clothC = vary(rng, cloth, 0.08);
  box3(ctx, cam, Math.min(tableX0, tableX0 + 1.4), Math.max(tableX0, tableX0 + 1.4), 0, 0.85, z0 + 0.15, z1 - 0.15, clothC, (f, c) => {
    if (f.index === -1) return;
    // Folds in the table cloth and a shadowed hem.
    const d = distTo(cam, centroid(f.pts));
    const folds = Math.max(2, Math.round((z1 - z0) * 2.5));
    for (let i = 0; i < folds; i++) {
      fill3(c, cam, subQuad(f.pts, (i + 0.55) / folds, 0.05, (i + 0.85) / folds, 1), css(fogged(shade(clothC, 0.5), d), 0.35));
    }
    fill3(c, cam, subQuad(f.pts, 0, 0, 1, 0.12), css(fogged([30, 30, 30], d), 0.4));
  });
  const crates = Math.floor((z1 - z0 - 0.3) / 0.6);
  for (let k = 0; k < crates; k++) {
    const cz0 = z0 + 0.2 + k * 0.6;
    const c = rng.pick(PRODUCE);
    for (const row of [0, 1]) {
      const x0 = side > 0 ? tableX0 + row * 0.7 : tableX0 + 1.4 - (row + 1) * 0.7;
      const top: Vec3[] = [[x0 + 0.03, 0.98, cz0], [x0 + 0.67, 0.98, cz0], [x0 + 0.67, 0.98, cz0 + 0.55], [x0 + 0.03, 0.98, cz0 + 0.55]];
      box3(ctx, cam, x0 + 0.03, x0 + 0.67, 0.85, 0.98, cz0, cz0 + 0.55, [150, 120, 80]);
      fill3(ctx, cam, top, css(fogged(shade(c, 0.75), distTo(cam, top[0]!))));
      const s = cam.scaleAt(top[0]!);
      for (let i = 0; i < 26; i++) {
        const p = quadAt(top, rng.range(0.08, 0.92), rng.range(0.08, 0.92));
        p[1] += 0.04;
        const [px, py] = cam.project(p);
        const r = Math.max(0.6, s * 0.055);
        const fc = fogged(vary(rng, c, 0.12), distTo(cam, p));
        ctx.fillStyle = css(shade(fc, 0.7));
        ctx.beginPath();
        ctx.arc(px, py + r * 0.25, r, 0, Math.PI * 2);
        ctx.fill();
        ctx.fillStyle = css(fc);
        ctx.beginPath();
        ctx.arc(px - r * 0.15, py, r * 0.85, 0, Math.PI * 2);
        ctx.fill();
      }
    }
  }
  // Posts.
  for (const z of [z0 + 0.05, z1 - 0.05]) {
    beam3(ctx, cam, [xi, 0, z], [xi, 2.35, z], [60, 58, 54], 0.05);
  }
  // Awning: underside seen from below, striped across its length.
  const n = Math.round((z1 - z0) / 0.45);
  for (let i = 0; i < n; i++) {
    const za = z0 + ((z1 - z0) * i) / n;
    const zb = z0 + ((z1 - z0) * (i + 1)) / n;
    const c = i % 2 === 0 ? stripe : cream;
    const under: Vec3[] = [[xi - side * 0.2, 2.35, za], [xi - side * 0.2, 2.35, zb], [xo, 2.8, zb], [xo, 2.8, za]];
    const d = distTo(cam, centroid(under));
    fill3(ctx, cam, under, css(fogged(shade(c, 0.62), d)));
    // Valance hanging at the front edge.
    const val: Vec3[] = [[xi - side * 0.2, 2.1, za], [xi - side * 0.2, 2.1, zb], [xi - side * 0.2, 2.36, zb], [xi - side * 0.2, 2.36, za]];
    fill3(ctx, cam, val, css(fogged(shade(c, 0.95), d)));
  }
}

/** Bunting across the street: a sagging line of little flags. */
function bunting(ctx: Ctx, cam: Camera, rng: Rng, z: number, y: number): void {
  const pts: Vec3[] = [];
  for (let i = 0; i <= 24; i++) {
    const t = i / 24;
    pts.push([-6.5 + 13 * t, y - Math.sin(Math.PI * t) * 1.1, z]);
  }
  for (let i = 0; i < pts.length - 1; i++) line3(ctx, cam, pts[i]!, pts[i + 1]!, 'rgba(40,40,40,0.8)', 1);
  const colours: RGB[] = [[170, 60, 50], [230, 220, 200], [50, 80, 120], [200, 160, 60], [70, 120, 90]];
  for (let i = 0; i < pts.length - 1; i += 1) {
    const a = pts[i]!;
    const b = pts[i + 1]!;
    const tip: Vec3 = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2 - 0.3, z];
    const c = mix(colours[(i + rng.int(0, 1)) % colours.length]!, [150, 150, 150], 0.25);
    fill3(ctx, cam, [a, b, tip], css(fogged(c, z)));
  }
}

function sceneMarket(ctx: Ctx, rng: Rng, W: number, H: number): void {
  const cam = new Camera([rng.range(-0.6, 0.6), 1.6, 0], 820, W / 2, H * 0.5, rng.range(-0.1, 0.1), 0.03);
  const sky = vary(rng, hex('#c9cccb'), 0.03);
  setFog(mix(sky, [150, 150, 150], 0.2), 110);
  fillRectGradient(ctx, 0, 0, W, H, [
    [0, vary(rng, hex('#9aa3aa'), 0.05)],
    [0.5, sky],
    [1, sky],
  ]);
  clouds(ctx, rng, W, H, { y0: 0, y1: H * 0.35, count: 25, light: [225, 226, 224], dark: [140, 146, 154], size: 220, alpha: 0.5, blur: 14 });
  // Wet street: darker close to us, pale sheen far away.
  const [, gy] = cam.project([0, 0, 300]);
  fillRectGradient(ctx, 0, gy, W, H - gy, [
    [0, mix(sky, [80, 80, 80], 0.3)],
    [0.3, [92, 92, 92]],
    [1, [48, 48, 50]],
  ]);
  const brng = rng.fork('buildings');
  streetFacades(ctx, cam, brng, -6.8, 1, 200, 8, 17);
  streetFacades(ctx, cam, brng, 6.8, 1, 200, 8, 17);

  const srng = rng.fork('stalls');
  const stalls: Array<[number, number, number, PersonStyle | null]> = [];
  for (const side of [-1, 1]) {
    let z = srng.range(2, 4);
    while (z < 70) {
      const len = srng.range(2.6, 3.6);
      stalls.push([side, z, z + len, srng.chance(0.7) ? randomPerson(srng, 0) : null]);
      z += len + srng.range(0.2, 1.2);
    }
  }
  const shoppers: Array<[number, number, PersonStyle]> = [];
  const prng = rng.fork('people');
  for (let i = 0; i < 46; i++) {
    const z = 6 + Math.pow(prng.next(), 0.8) * 60;
    shoppers.push([prng.range(-2, 2), z, randomPerson(prng, 0.3)]);
  }
  const scene = (c: Ctx, k: Camera) => {
    const list = new DrawList();
    for (const [side, z0, z1, keeper] of stalls) list.add(z0 + 0.01, () => marketStall(c, k, srng.fork(`${side}${z0}`), side, z0, z1, keeper));
    if (!k.mirror) for (const [x, z, s] of shoppers) list.add(z, () => person(c, k, x, z, s));
    for (const z of [15, 30, 48]) list.add(z, () => bunting(c, k, rng.fork(`b${z}`), z, 5.4));
    list.flush();
  };
  reflection(ctx, rng, W, H, gy, (l) => scene(l, cam.mirrored()), 0.18);
  // Puddle glints.
  for (let i = 0; i < 40; i++) {
    const x = rng.range(-2.5, 2.5);
    const z = rng.range(2, 30);
    const [px, py] = cam.project([x, 0, z]);
    const sc = cam.scaleAt([x, 0, z]);
    softSpot(ctx, px, py, sc * rng.range(0.3, 0.9), sc * 0.05, [220, 222, 224], 0.25);
  }
  scene(ctx, cam);
}

// ---------------------------------------------------------------------------
// Scene: city park in autumn — trees, a winding path, benches, lamps
// ---------------------------------------------------------------------------

const AUTUMN: RGB[] = [
  hex('#7d7a3a'), hex('#a4782c'), hex('#b3602a'), hex('#8a4a26'), hex('#5d6b34'),
  hex('#c29a3e'), hex('#6e5a2c'), hex('#475a30'),
];

/** A deciduous tree in autumn colour: trunk, limbs, a crown of leaf clumps. */
function parkTree(ctx: Ctx, cam: Camera, rng: Rng, x: number, z: number, o: { height: number; bare: number; conifer: boolean }): void {
  const d = distTo(cam, [x, 0, z]);
  const bark: RGB = fogged([58, 50, 44], d);
  const s = cam.scaleAt([x, 0, z]);
  const [bx, by] = cam.project([x, 0, z]);
  softSpot(ctx, bx, by, s * o.height * 0.35, s * o.height * 0.06, [20, 30, 16], 0.35);
  if (o.conifer) {
    // A fir: a narrow cone built from dark needle clumps.
    const [, ty] = cam.project([x, o.height, z]);
    const hpx = by - ty;
    const base = s * o.height * 0.26;
    beam3(ctx, cam, [x, 0, z], [x, o.height * 0.3, z], bark, o.height * 0.03);
    const n = Math.min(900, Math.round(hpx * 2.5));
    for (let i = 0; i < n; i++) {
      const t = Math.pow(rng.next(), 0.8); // 0 top .. 1 bottom
      const half = base * t * (0.9 + 0.2 * Math.sin(t * 40));
      const px = bx + rng.range(-half, half);
      const py = ty + hpx * (0.02 + t * 0.8);
      const lit = 0.8 + 0.4 * ((bx - px) / Math.max(1, base));
      ctx.fillStyle = css(fogged(shade(vary(rng, [42, 60, 46], 0.1), lit), d), 0.9);
      ctx.beginPath();
      ctx.ellipse(px, py, Math.max(1, hpx * 0.025), Math.max(0.8, hpx * 0.012), rng.range(-0.3, 0.3), 0, Math.PI * 2);
      ctx.fill();
    }
    return;
  }
  const crownY = o.height * 0.68;
  const crownR = o.height * 0.38;
  // Trunk, then limbs branching in the picture plane up into the crown.
  const [, topY] = cam.project([x, crownY * 0.55, z]);
  const trunkW = Math.max(1, o.height * 0.05 * s);
  ctx.fillStyle = css(bark);
  ctx.beginPath();
  ctx.moveTo(bx - trunkW * 0.6, by);
  ctx.lineTo(bx - trunkW * 0.4, topY);
  ctx.lineTo(bx + trunkW * 0.4, topY);
  ctx.lineTo(bx + trunkW * 0.6, by);
  ctx.fill();
  const branch = (x0: number, y0: number, ang: number, len: number, wid: number, depth: number) => {
    const x1 = x0 + Math.sin(ang) * len;
    const y1 = y0 - Math.cos(ang) * len;
    ctx.strokeStyle = css(bark);
    ctx.lineWidth = Math.max(0.6, wid);
    ctx.lineCap = 'round';
    ctx.beginPath();
    ctx.moveTo(x0, y0);
    ctx.lineTo(x1, y1);
    ctx.stroke();
    if (depth <= 0 || len < 3) return;
    const kids = depth > 3 ? 2 : rng.int(2, 3);
    for (let k = 0; k < kids; k++) {
      branch(x1, y1, ang + rng.range(-0.7, 0.7), len * rng.range(0.62, 0.78), wid * 0.62, depth - 1);
    }
  };
  const limbLen = crownR * s * 0.42;
  for (let k = 0; k < 3; k++) branch(bx, topY, rng.range(-0.6, 0.6), limbLen, trunkW * 0.55, 5);
  ctx.lineCap = 'butt';
  // Leaf clumps: several sub-crowns; darker underneath and on the shadow side.
  const [cx, cy] = cam.project([x, crownY, z]);
  const R = crownR * s;
  const palette = [rng.pick(AUTUMN), rng.pick(AUTUMN), rng.pick(AUTUMN)].map((c) => mix(c, [96, 100, 84], 0.2));
  const lobes = Array.from({ length: rng.int(3, 5) }, () => {
    const a = rng.range(0, Math.PI * 2);
    const r = rng.range(0.2, 0.5) * R;
    return { x: cx + Math.cos(a) * r, y: cy + Math.sin(a) * r * 0.7, r: R * rng.range(0.45, 0.7) };
  });
  const blob = Math.max(1.2, R * 0.065);
  const clumps = Math.min(1100, Math.round((R / blob) ** 2 * 1.4 * (1 - o.bare * 0.8)) + 12);
  const dot = (px: number, py: number, r: number, alpha: number) => {
    const lightness = 0.78 + 0.5 * (((cy - py) / R) * 0.5 + ((cx - px) / R) * 0.3);
    const c = fogged(shade(vary(rng, rng.pick(palette), 0.1), Math.max(0.45, lightness)), d);
    ctx.fillStyle = css(c, alpha);
    ctx.beginPath();
    ctx.arc(px, py, r, 0, Math.PI * 2);
    ctx.fill();
  };
  for (let i = 0; i < clumps; i++) {
    const lobe = rng.pick(lobes);
    const a = rng.range(0, Math.PI * 2);
    const r = Math.sqrt(rng.next()) * lobe.r;
    dot(lobe.x + Math.cos(a) * r, lobe.y + Math.sin(a) * r * 0.85, blob * rng.range(0.6, 1.4), o.bare > 0.5 ? 0.6 : 0.9);
  }
  // Fine leaf texture on top.
  const fine = Math.min(1500, Math.round((R * R) / 60 * (1 - o.bare * 0.6)));
  for (let i = 0; i < fine; i++) {
    const lobe = rng.pick(lobes);
    const a = rng.range(0, Math.PI * 2);
    const r = Math.sqrt(rng.next()) * lobe.r * 1.02;
    dot(lobe.x + Math.cos(a) * r, lobe.y + Math.sin(a) * r * 0.85, Math.max(0.8, blob * 0.22), 0.85);
  }
  // Fallen leaves beneath.
  for (let i = 0; i < 40; i++) {
    const lx = x + rng.gauss() * crownR * 0.7;
    const lz = z + rng.gauss() * crownR * 0.5;
    const [px, py] = cam.project([lx, 0, lz]);
    const ls = cam.scaleAt([lx, 0, lz]);
    ctx.fillStyle = css(fogged(vary(rng, rng.pick(palette), 0.15), d), 0.8);
    ctx.fillRect(px, py, Math.max(1, ls * 0.12), Math.max(0.6, ls * 0.05));
  }
}

/** A distant line of tree tops along the horizon, soft and hazy. */
function treeline(ctx: Ctx, rng: Rng, w: number, base: number, height: number, c: RGB): void {
  ctx.fillStyle = css(c);
  ctx.fillRect(0, base - height * 0.35, w, height * 0.35 + 2);
  for (let x = -10; x < w + 10; x += rng.range(4, 12)) {
    const r = height * rng.range(0.2, 0.5);
    ctx.fillStyle = css(vary(rng, c, 0.04));
    ctx.beginPath();
    ctx.ellipse(x, base - height * rng.range(0.3, 0.75), r * 1.2, r, 0, 0, Math.PI * 2);
    ctx.fill();
  }
}

function parkBench(ctx: Ctx, cam: Camera, x: number, z: number, facing: number): void {
  const wood: RGB = [104, 76, 52];
  const iron: RGB = [34, 34, 34];
  const bx = x + facing * 0.3;
  box3(ctx, cam, x - 0.25, x + 0.25, 0.42, 0.47, z - 0.9, z + 0.9, wood);
  box3(ctx, cam, bx - 0.04, bx + 0.04, 0.5, 0.9, z - 0.9, z + 0.9, wood);
  for (const dz of [-0.8, 0.8]) {
    beam3(ctx, cam, [x - 0.22, 0, z + dz], [x - 0.22, 0.44, z + dz], iron, 0.05);
    beam3(ctx, cam, [x + 0.22, 0, z + dz], [x + 0.22, 0.44, z + dz], iron, 0.05);
    beam3(ctx, cam, [bx, 0.44, z + dz], [bx, 0.9, z + dz], iron, 0.05);
  }
}

function lampPost(ctx: Ctx, cam: Camera, x: number, z: number): void {
  const iron: RGB = [30, 32, 32];
  beam3(ctx, cam, [x, 0, z], [x, 3.6, z], iron, 0.12);
  box3(ctx, cam, x - 0.2, x + 0.2, 3.6, 4.1, z - 0.2, z + 0.2, [228, 220, 196]);
  box3(ctx, cam, x - 0.25, x + 0.25, 4.1, 4.2, z - 0.25, z + 0.25, iron);
}

function scenePark(ctx: Ctx, rng: Rng, W: number, H: number): void {
  const cam = new Camera([0, 1.6, 0], 850, W / 2, H * 0.44, rng.range(-0.1, 0.1), 0.03);
  const horizon = cam.horizon;
  const sky = vary(rng, hex('#cdd0cc'), 0.03);
  setFog(mix(sky, [150, 160, 150], 0.25), 160);
  fillRectGradient(ctx, 0, 0, W, horizon + 2, [
    [0, vary(rng, hex('#8e9aa4'), 0.05)],
    [1, sky],
  ]);
  clouds(ctx, rng, W, H, { y0: 0, y1: horizon * 0.6, count: 30, light: [232, 232, 228], dark: [130, 138, 146], size: 240, alpha: 0.45, blur: 14 });
  // Distant tree line and rooftops beyond the park.
  treeline(ctx, rng, W, horizon + 2, H * 0.09, mix(fogColour, [90, 96, 80], 0.35));
  treeline(ctx, rng, W, horizon + 2, H * 0.05, mix(fogColour, [70, 78, 56], 0.55));
  // Lawn: hazy far, richer near.
  fillRectGradient(ctx, 0, horizon, W, H - horizon, [
    [0, mix(fogColour, [96, 112, 70], 0.5)],
    [0.25, [92, 110, 62]],
    [1, [58, 78, 40]],
  ]);
  // Grass texture.
  for (let i = 0; i < 9000; i++) {
    const y = horizon + Math.pow(rng.next(), 0.6) * (H - horizon);
    const near = (y - horizon) / (H - horizon);
    const x = rng.range(0, W);
    ctx.fillStyle = css(rng.chance(0.5) ? [128, 140, 84] : [40, 56, 28], 0.3);
    ctx.fillRect(x, y, 1 + near, 1 + near * 7);
  }

  // The path: a gentle S-curve away from the camera.
  const a = rng.range(4, 9) * rng.pick([-1, 1]);
  const phase = rng.range(0, Math.PI);
  const pathX = (z: number) => a * Math.sin(z / 22 + phase) - a * Math.sin(phase) + 0.5;
  const left: Pt[] = [];
  const right: Pt[] = [];
  for (let z = 1; z < 260; z *= 1.06) {
    left.push(cam.project([pathX(z) - 1.6, 0, z]));
    right.push(cam.project([pathX(z) + 1.6, 0, z]));
  }
  ctx.beginPath();
  left.forEach(([x, y], i) => (i ? ctx.lineTo(x, y) : ctx.moveTo(x, y)));
  [...right].reverse().forEach(([x, y]) => ctx.lineTo(x, y));
  ctx.closePath();
  ctx.fillStyle = vGradient(ctx, horizon, H, [
    [0, mix(fogColour, [150, 140, 124], 0.5)],
    [1, [126, 116, 100]],
  ]);
  ctx.fill();
  // Gravel speckle and wet patches on the path.
  ctx.save();
  ctx.clip();
  for (let i = 0; i < 2500; i++) {
    const x = rng.range(0, W);
    const y = horizon + Math.pow(rng.next(), 0.7) * (H - horizon);
    ctx.fillStyle = css(rng.chance(0.5) ? [170, 160, 142] : [90, 84, 74], 0.4);
    ctx.fillRect(x, y, 1.5, 1.5);
  }
  for (let i = 0; i < 8; i++) {
    const z = rng.range(3, 30);
    const [px, py] = cam.project([pathX(z) + rng.range(-1, 1), 0, z]);
    const sc = cam.scaleAt([pathX(z), 0, z]);
    softSpot(ctx, px, py, sc * rng.range(0.5, 1.2), sc * 0.12, [190, 196, 200], 0.35);
  }
  ctx.restore();

  // Trees, benches, lamps and walkers, far to near.
  const list = new DrawList();
  const trng = rng.fork('trees');
  for (let i = 0; i < 26; i++) {
    const z = trng.range(9, 140);
    let x = trng.range(-45, 45);
    if (Math.abs(x - pathX(z)) < 5) x += 10 * Math.sign(x - pathX(z) || 1);
    const height = trng.range(10, 17);
    const o = { height, bare: trng.chance(0.3) ? trng.range(0.4, 0.8) : trng.range(0, 0.3), conifer: trng.chance(0.12) };
    const tr = trng.fork(`t${i}`);
    // Trees right in front of the lens are slightly out of focus.
    list.add(z, () =>
      z < 22 ? layer(ctx, W, H, (l) => parkTree(l, cam, tr, x, z, o), { blur: 1.6 }) : parkTree(ctx, cam, tr, x, z, o),
    );
  }
  for (let z = 12; z < 120; z += trng.range(18, 30)) {
    const side = trng.pick([-1, 1]);
    const zz = z;
    list.add(zz, () => parkBench(ctx, cam, pathX(zz) + side * 2.4, zz, side));
    list.add(zz + 6, () => lampPost(ctx, cam, pathX(zz + 6) - side * 2.1, zz + 6));
  }
  const prng = rng.fork('walkers');
  for (let i = 0; i < prng.int(3, 7); i++) {
    const z = prng.range(10, 70);
    const st = randomPerson(prng, 0.3);
    const x = pathX(z) + prng.range(-0.9, 0.9);
    list.add(z, () => person(ctx, cam, x, z, st));
  }
  list.flush();
  // Leaves drifting across the near lawn.
  for (let i = 0; i < 400; i++) {
    const x = rng.range(0, W);
    const y = H * 0.7 + rng.next() * H * 0.3;
    ctx.fillStyle = css(vary(rng, rng.pick(AUTUMN), 0.15), 0.85);
    ctx.beginPath();
    ctx.ellipse(x, y, rng.range(2, 5), rng.range(1, 2), rng.range(0, Math.PI), 0, Math.PI * 2);
    ctx.fill();
  }
}

// ---------------------------------------------------------------------------
// Scene: storm on the Sound — black sky, rain, breaking waves, a breakwater
// ---------------------------------------------------------------------------

/**
 * A rough sea: swell bands, dark troughs and scattered whitecaps, all sized by
 * distance so the texture recedes to the horizon.
 */
function roughSea(ctx: Ctx, cam: Camera, rng: Rng, W: number, H: number, far: RGB, near: RGB): void {
  const horizon = cam.horizon;
  fillRectGradient(ctx, 0, horizon, W, H - horizon, [
    [0, far],
    [0.25, mix(far, near, 0.6)],
    [1, near],
  ]);
  const zAt = (t: number) => 12 * Math.pow(900 / 12, t); // t in 0..1: near..far
  // Swell: long soft light/dark bands across the water.
  layer(ctx, W, H, (l) => {
    const n = noise1D(rng, 3);
    for (let i = 0; i < 70; i++) {
      const z = zAt(rng.next());
      const [, y] = cam.project([0, 0, z]);
      const s = cam.scaleAt([0, 0, z]);
      const dark = rng.chance(0.55);
      l.strokeStyle = dark ? css(shade(near, 0.55), 0.5) : css(mix(far, [200, 210, 210], 0.2), 0.25);
      l.lineWidth = Math.max(1, s * rng.range(0.8, 2));
      l.beginPath();
      for (let x = -20; x <= W + 20; x += 10) {
        const yy = y + n(x / 180 + i * 3) * s * 1.5;
        if (x === -20) l.moveTo(x, yy);
        else l.lineTo(x, yy);
      }
      l.stroke();
    }
  }, { blur: 3 });
  // Whitecaps: a bright broken crest with foam spilling down the wave's face
  // and a shadowed trough in front.
  layer(ctx, W, H, (l) => {
    for (let i = 0; i < 2200; i++) {
      // Evenly spread over the sea's surface: the far water gets most of them.
      const z = Math.sqrt(12 * 12 + rng.next() * (700 * 700 - 12 * 12));
      const X = ((rng.range(-0.1, 1.1) * W - cam.cx) * z) / cam.f;
      const [x, y] = cam.project([X, 0, z]);
      const s = cam.scaleAt([X, 0, z]);
      const fog = 1 - Math.exp(-z / 500);
      const len = s * rng.range(1, 4);
      const thick = Math.max(0.6, s * rng.range(0.1, 0.22));
      const foamC = mix([226, 232, 232], far, fog);
      const a = rng.range(0.35, 0.8);
      if (s > 2) softSpot(l, x, y + thick * 2.2, len * 0.9, thick * 1.5, shade(near, 0.5), 0.35);
      // Ragged foam: a cluster of small blobs, denser along the crest.
      const blobs = Math.round(5 + Math.min(40, s * 3));
      for (let k = 0; k < blobs; k++) {
        const u = rng.range(-0.5, 0.5);
        const down = Math.abs(rng.gauss()) * thick * (1.2 + s * 0.05) * (1 - Math.abs(u));
        l.fillStyle = css(foamC, a * rng.range(0.2, 0.5));
        l.beginPath();
        l.ellipse(x + u * len, y + down, Math.max(0.6, len * rng.range(0.03, 0.1)), Math.max(0.4, thick * rng.range(0.2, 0.6)), 0, 0, Math.PI * 2);
        l.fill();
      }
      l.strokeStyle = css(foamC, a);
      l.lineWidth = Math.max(0.6, thick * 0.35);
      l.beginPath();
      l.moveTo(x - len * 0.5, y + thick * 0.3);
      for (let k = 1; k <= 6; k++) {
        l.lineTo(x - len * 0.5 + (len * k) / 6, y + thick * (0.3 - Math.sin((k / 6) * Math.PI) * 0.8 + rng.range(-0.3, 0.3)));
      }
      l.stroke();
    }
    // Spindrift: long faint streaks of foam blown along the surface.
    for (let i = 0; i < 260; i++) {
      const z = Math.sqrt(12 * 12 + rng.next() * (300 * 300 - 12 * 12));
      const X = ((rng.range(-0.1, 1.1) * W - cam.cx) * z) / cam.f;
      const [x, y] = cam.project([X, 0, z]);
      const s = cam.scaleAt([X, 0, z]);
      const len = s * rng.range(4, 12);
      l.strokeStyle = css([200, 208, 208], rng.range(0.06, 0.16));
      l.lineWidth = Math.max(0.5, s * 0.05);
      l.beginPath();
      l.moveTo(x - len / 2, y);
      l.lineTo(x + len / 2, y + len * 0.03);
      l.stroke();
    }
  }, { blur: 0.8 });
}

/** Billowing white spray thrown up where a wave hits a wall. */
function sprayPlume(ctx: Ctx, cam: Camera, rng: Rng, at: Vec3, height: number): void {
  const [sx, sy] = cam.project(at);
  const s = cam.scaleAt(at);
  const h = height * s;
  layer(ctx, ctx.canvas.width, ctx.canvas.height, (l) => {
    // Foam boiling at the foot of the wall, then the plume above it.
    for (let i = 0; i < 14; i++) {
      softSpot(l, sx + rng.gauss() * h * 0.5, sy + h * rng.range(0.05, 0.3), h * rng.range(0.12, 0.25), h * 0.08, [220, 226, 228], 0.5);
    }
    for (let i = 0; i < 70; i++) {
      const t = Math.pow(rng.next(), 1.3);
      const x = sx + rng.gauss() * h * (0.12 + t * 0.4);
      const y = sy + h * 0.2 - t * h;
      const r = h * rng.range(0.08, 0.2) * (0.6 + t);
      softSpot(l, x, y, r, r * 0.8, [224, 228, 230], rng.range(0.25, 0.55) * (1 - t * 0.4));
    }
    // Droplets falling out of the plume.
    l.fillStyle = 'rgba(230,234,236,0.6)';
    for (let i = 0; i < 160; i++) {
      const x = sx + rng.gauss() * h * 0.5;
      const y = sy - rng.next() * h * 1.1;
      l.fillRect(x, y, Math.max(1, s * 0.08), Math.max(1, s * 0.3));
    }
  }, { blur: 2 });
}

/** A stone breakwater curving out from the right, a lighthouse at its end. */
function breakwater(ctx: Ctx, cam: Camera, rng: Rng, side: number, len: number, glow: Ctx): void {
  const stone: RGB = [82, 82, 78];
  const path = (t: number): [number, number] => [side * (30 - 16 * Math.sin(t * 1.4)), 30 + t * len];
  const n = 60;
  const topY = 5.5;
  const plumes: number[] = [rng.range(0.15, 0.35), rng.range(0.45, 0.65), rng.range(0.75, 0.9)];
  for (let i = n - 1; i >= 0; i--) {
    const [xa, za] = path(i / n);
    const [xb, zb] = path((i + 1) / n);
    const w = 5;
    // Seaward face (toward the camera side), then the top.
    fillFogged(ctx, cam, [[xa - side * w, -1, za], [xb - side * w, -1, zb], [xb - side * w, topY, zb], [xa - side * w, topY, za]], shade(stone, 0.7));
    fillFogged(ctx, cam, [[xa - side * w, topY, za], [xb - side * w, topY, zb], [xb + side * w, topY, zb], [xa + side * w, topY, za]], stone);
    // Stone courses and joints on the face, a parapet along the top.
    const face: Vec3[] = [[xa - side * w, -1, za], [xb - side * w, -1, zb], [xb - side * w, topY, zb], [xa - side * w, topY, za]];
    for (const v of [0.3, 0.55, 0.8]) fillFogged(ctx, cam, subQuad(face, 0, v, 1, v + 0.025), shade(stone, 0.5));
    if (i % 2 === 0) fillFogged(ctx, cam, subQuad(face, 0, 0, 0.06, 1), shade(stone, 0.5));
    fillFogged(ctx, cam, subQuad(face, 0, 0, 1, 0.18), [40, 44, 42]);
    fillFogged(ctx, cam, [[xa - side * w, topY, za], [xb - side * w, topY, zb], [xb - side * w, topY + 0.8, zb], [xa - side * w, topY + 0.8, za]], shade(stone, 0.85));
  }
  // Lighthouse at the end.
  const [lx, lz] = path(1);
  const white: RGB = [214, 212, 204];
  const d = distTo(cam, [lx, 5, lz]);
  for (let k = 0; k < 8; k++) {
    const y0 = topY + k * 1.6;
    const r0 = 2.2 - k * 0.12;
    const r1 = 2.2 - (k + 1) * 0.12;
    const c = k % 2 === 0 ? white : ([150, 50, 44] as RGB);
    fillFogged(ctx, cam, [[lx - r0, y0, lz], [lx + r0, y0, lz], [lx + r1, y0 + 1.6, lz], [lx - r1, y0 + 1.6, lz]], c);
  }
  const lampY = topY + 8 * 1.6;
  fillFogged(ctx, cam, [[lx - 1.4, lampY, lz], [lx + 1.4, lampY, lz], [lx + 1.4, lampY + 1.4, lz], [lx - 1.4, lampY + 1.4, lz]], [60, 60, 58]);
  fillFogged(ctx, cam, [[lx - 1.6, lampY + 1.4, lz], [lx + 1.6, lampY + 1.4, lz], [lx, lampY + 2.6, lz]], [40, 40, 40]);
  const [gx, gy] = cam.project([lx, lampY + 0.7, lz]);
  softSpot(glow, gx, gy, 36, 26, [255, 236, 190], 0.7 * Math.exp(-d / 1500));
  // Waves bursting against the seaward face.
  for (const t of plumes) {
    const [px, pz] = path(t);
    sprayPlume(ctx, cam, rng, [px - side * 6, topY, pz], rng.range(7, 14));
  }
}

/** Wind-driven rain: many faint slanted streaks in a few depth layers. */
function rain(ctx: Ctx, rng: Rng, W: number, H: number, count: number, slant: number, alpha: number): void {
  for (const [blur, lenK, n] of [[2, 1.6, 0.25], [0.8, 1, 0.45], [0, 0.7, 0.3]] as const) {
    layer(ctx, W, H, (l) => {
      l.lineCap = 'round';
      for (let i = 0; i < count * n; i++) {
        const x = rng.range(-100, W + 100);
        const y = rng.range(-50, H);
        const len = rng.range(18, 50) * lenK;
        l.strokeStyle = css([210, 216, 222], rng.range(0.3, 1) * alpha);
        l.lineWidth = rng.range(0.6, 1.4) * (1 + blur * 0.5);
        l.beginPath();
        l.moveTo(x, y);
        l.lineTo(x + len * slant, y + len);
        l.stroke();
      }
    }, { blur });
  }
}

function sceneStorm(ctx: Ctx, rng: Rng, W: number, H: number): void {
  const cam = new Camera([0, rng.range(6.5, 8), 0], 900, W / 2, H * rng.range(0.44, 0.48), 0, 0.05);
  const horizon = cam.horizon;
  const haze: RGB = vary(rng, [92, 100, 104], 0.05);
  setFog(haze, 350);
  fillRectGradient(ctx, 0, 0, W, horizon + 2, [
    [0, [26, 30, 36]],
    [0.6, [52, 58, 64]],
    [1, haze],
  ]);
  ctx.fillStyle = css(haze);
  ctx.fillRect(0, horizon, W, H - horizon);
  // Heavy, layered cloud: dark masses and ragged lighter scud.
  clouds(ctx, rng, W, H, { y0: -60, y1: horizon * 0.7, count: 70, light: [96, 102, 108], dark: [20, 22, 26], size: 300, alpha: 0.8, blur: 10 });
  clouds(ctx, rng, W, H, { y0: horizon * 0.4, y1: horizon * 0.95, count: 40, light: [120, 126, 130], dark: [44, 48, 54], size: 200, alpha: 0.5, blur: 6 });
  // Curtains of rain hanging from the cloud base.
  layer(ctx, W, H, (l) => {
    for (let i = 0; i < 6; i++) {
      const x = rng.range(0, W);
      const g = l.createLinearGradient(0, horizon * 0.3, 0, horizon);
      g.addColorStop(0, 'rgba(120,128,134,0)');
      g.addColorStop(1, 'rgba(120,128,134,0.5)');
      l.fillStyle = g;
      l.beginPath();
      l.moveTo(x, horizon * 0.3);
      l.lineTo(x + 160, horizon * 0.3);
      l.lineTo(x + 100, horizon + 2);
      l.lineTo(x - 80, horizon + 2);
      l.fill();
    }
  }, { blur: 20 });
  if (rng.chance(0.4)) {
    // Distant lightning behind the cloud.
    softSpot(ctx, rng.range(W * 0.2, W * 0.8), horizon * 0.5, W * 0.2, H * 0.15, [200, 206, 230], 0.3);
  }
  const glow = newCanvas(W, H);
  roughSea(ctx, cam, rng.fork('sea'), W, H, mix(haze, [60, 72, 72], 0.4), [22, 32, 34]);
  const side = rng.pick([-1, 1]);
  breakwater(ctx, cam, rng.fork('wall'), side, rng.range(160, 260), glow.ctx);
  ctx.save();
  ctx.globalCompositeOperation = 'screen';
  ctx.filter = 'blur(4px)';
  ctx.drawImage(glow.canvas, 0, 0);
  ctx.restore();
  // Mist over the water.
  for (let i = 0; i < 8; i++) softSpot(ctx, rng.range(0, W), horizon + rng.range(-10, 40), W * 0.3, H * 0.05, haze, 0.35);
  rain(ctx, rng, W, H, 2600, rng.range(-0.35, -0.15) * side, 0.35);
  // Promenade railing in the foreground.
  const rail = 'rgb(24,26,28)';
  ctx.fillStyle = rail;
  const ry = H * 0.86;
  ctx.fillRect(0, ry, W, 7);
  ctx.fillRect(0, ry + 45, W, 5);
  for (let x = rng.range(0, 60); x < W; x += 190) ctx.fillRect(x, ry, 9, H - ry);
  ctx.fillStyle = 'rgba(200,206,210,0.25)';
  ctx.fillRect(0, ry, W, 1.5);
}

// ---------------------------------------------------------------------------
// Scene: commuter train running into a station platform
// ---------------------------------------------------------------------------

/** Cross-section of a train body (x, y) about the track centre, in metres. */
const TRAIN_PROFILE: Array<[number, number]> = [
  [-1.45, 0.95], [1.45, 0.95], [1.45, 3.3], [1.25, 3.75], [0.7, 3.98], [-0.7, 3.98], [-1.25, 3.75], [-1.45, 3.3],
];

/** One car of a commuter train on a track at x = trackX, from z0 (front) to z1. */
function trainCar(
  ctx: Ctx,
  cam: Camera,
  trackX: number,
  z0: number,
  z1: number,
  livery: { body: RGB; band: RGB; doors: RGB },
  cab: boolean,
  glow: Ctx,
): void {
  const at = (z: number) => TRAIN_PROFILE.map(([x, y]) => [trackX + x, y, z] as Vec3);
  // Bogies and underframe.
  box3(ctx, cam, trackX - 1.2, trackX + 1.2, 0.2, 0.95, z0 + 1, z1 - 1, [36, 36, 38]);
  const glass: RGB = [34, 42, 50];
  const faces = loftFaces(cam, at(z0), at(z1), false, true);
  for (const f of faces) {
    const d = distTo(cam, centroid(f.pts));
    if (f.index === -2) {
      // Front / end face. The cab gets a windscreen, lamps and a route display.
      fillFace(ctx, cam, f, livery.body, 0.7);
      const q = (x: number, y: number): Vec3 => [trackX + x, y, z0 - 0.01];
      if (cab) {
        fill3(ctx, cam, [q(-1.45, 0.95), q(1.45, 0.95), q(1.45, 1.5), q(-1.45, 1.5)], css(fogged(livery.band, d)));
        fill3(ctx, cam, [q(-1.2, 2.15), q(1.2, 2.15), q(1.1, 3.35), q(-1.1, 3.35)], css(fogged(glass, d)));
        fill3(ctx, cam, [q(-1.2, 2.15), q(1.2, 2.15), q(1.1, 3.35), q(-1.1, 3.35)], css([150, 160, 170], 0.12));
        fill3(ctx, cam, [q(-0.6, 3.45), q(0.6, 3.45), q(0.6, 3.7), q(-0.6, 3.7)], css([20, 20, 20]));
        fill3(ctx, cam, [q(-0.5, 3.5), q(0.5, 3.5), q(0.5, 3.65), q(-0.5, 3.65)], css([240, 160, 60], 0.8));
        for (const lx of [-1.0, 1.0]) {
          const [hx, hy] = cam.project([trackX + lx, 1.75, z0 - 0.02]);
          const hs = cam.scaleAt([trackX + lx, 1.75, z0]);
          ctx.fillStyle = 'rgb(255,252,236)';
          ctx.beginPath();
          ctx.ellipse(hx, hy, Math.max(1.5, hs * 0.16), Math.max(1, hs * 0.1), 0, 0, Math.PI * 2);
          ctx.fill();
          softSpot(glow, hx, hy, hs * 1.6, hs * 1.1, [255, 246, 220], 0.8);
        }
        // Coupler.
        fill3(ctx, cam, [q(-0.25, 0.55), q(0.25, 0.55), q(0.25, 0.9), q(-0.25, 0.9)], css([30, 30, 30]));
      } else {
        fill3(ctx, cam, [q(-0.5, 0.95), q(0.5, 0.95), q(0.5, 3.2), q(-0.5, 3.2)], css(fogged([40, 40, 42], d)));
      }
      continue;
    }
    fillFace(ctx, cam, f, livery.body, 0.66);
    if (f.index === 2 || f.index === 7) {
      // The flat side wall: u runs up the side (y 0.95 → 3.3), v along the car.
      const side = f.pts;
      const Y = (y: number) => (f.index === 2 ? (y - 0.95) / 2.35 : 1 - (y - 0.95) / 2.35);
      const sq = (v0: number, y0: number, v1: number, y1: number) =>
        f.index === 2 ? subQuad(side, Y(y0), v0, Y(y1), v1) : subQuad(side, Y(y1), v0, Y(y0), v1);
      const len = z1 - z0;
      fill3(ctx, cam, sq(0, 0.95, 1, 1.45), css(fogged(litColour(livery.band, f.normal), d)));
      fill3(ctx, cam, sq(0, 3.05, 1, 3.2), css(fogged(litColour(livery.band, f.normal), d)));
      // Windows between the doors.
      const doorsAt = [0.18, 0.5, 0.82];
      for (let k = 0; k < 12; k++) {
        const v = 0.05 + (k / 12) * 0.9;
        const vEnd = v + 0.9 / 12 - 0.012;
        if (doorsAt.some((dv) => Math.abs((v + vEnd) / 2 - dv) < 0.06)) continue;
        fill3(ctx, cam, sq(v, 2.05, vEnd, 2.9), css(fogged(glass, d)));
        fill3(ctx, cam, sq(v, 2.6, vEnd, 2.9), css(fogged([120, 130, 140], d), 0.25));
      }
      for (const dv of doorsAt) {
        const hw = 0.7 / len;
        fill3(ctx, cam, sq(dv - hw, 1.0, dv + hw, 3.0), css(fogged(litColour(livery.doors, f.normal), d)));
        fill3(ctx, cam, sq(dv - 0.003, 1.0, dv + 0.003, 3.0), css(fogged([30, 30, 30], d)));
        fill3(ctx, cam, sq(dv - hw * 0.8, 2.05, dv - hw * 0.12, 2.85), css(fogged(glass, d)));
        fill3(ctx, cam, sq(dv + hw * 0.12, 2.05, dv + hw * 0.8, 2.85), css(fogged(glass, d)));
      }
    }
  }
}

/** Rails, sleepers and ballast for a track centred on x, from z0 to z1. */
function railTrack(ctx: Ctx, cam: Camera, x: number, z0: number, z1: number): void {
  groundStrip(ctx, cam, x - 1.8, x + 1.8, 0.05, z0, z1, [92, 86, 78]);
  for (let z = z0; z < Math.min(z1, 160); z += 0.65) {
    fillFogged(ctx, cam, [[x - 1.3, 0.12, z], [x + 1.3, 0.12, z], [x + 1.3, 0.12, z + 0.25], [x - 1.3, 0.12, z + 0.25]], [58, 52, 46]);
  }
  for (const r of [-0.72, 0.72]) {
    line3(ctx, cam, [x + r, 0.2, z0], [x + r, 0.2, z1], 'rgb(60,58,56)', 2.2);
    line3(ctx, cam, [x + r, 0.24, z0], [x + r, 0.24, z1], 'rgba(200,200,204,0.8)', 1);
  }
}

function sceneTrain(ctx: Ctx, rng: Rng, W: number, H: number): void {
  const platformY = 1.0;
  const cam = new Camera([rng.range(-1.5, -0.8), platformY + 1.65, 0], 900, W / 2, H * 0.5, rng.range(0.2, 0.27), 0.02);
  const sky = vary(rng, hex('#c4c8c8'), 0.03);
  setFog(mix(sky, [140, 146, 150], 0.3), 260);
  fillRectGradient(ctx, 0, 0, W, H, [
    [0, vary(rng, hex('#8c98a2'), 0.05)],
    [0.5, sky],
    [1, sky],
  ]);
  clouds(ctx, rng, W, H, { y0: 0, y1: H * 0.35, count: 25, light: [226, 228, 226], dark: [130, 138, 146], size: 220, alpha: 0.45, blur: 12 });
  // Town beyond the line: rooftops and trees in haze.
  treeline(ctx, rng, W, cam.horizon + 6, H * 0.06, mix(fogColour, [80, 90, 74], 0.4));
  const brng = rng.fork('town');
  const blocks: Array<[number, number, number, number, number, RGB]> = [];
  for (let i = 0; i < 22; i++) {
    const z = brng.range(90, 400);
    const x = brng.range(14, 140);
    blocks.push([x, x + brng.range(10, 24), brng.range(6, 26), z, z + brng.range(10, 24), vary(brng, brng.pick(FACADES), 0.05)]);
  }
  blocks.sort((a, b) => b[3] - a[3]);
  for (const [x0, x1, h, z0, z1, c] of blocks) {
    box3(ctx, cam, x0, x1, 0, h, z0, z1, c, (f, cc) => {
      if (f.index === -1) return;
      const d = distTo(cam, centroid(f.pts));
      const floors = Math.floor(h / 3.2);
      const cols = 6;
      for (let r = 0; r < floors; r++) {
        for (let k = 0; k < cols; k++) {
          fill3(cc, cam, subQuad(f.pts, (k + 0.25) / cols, (r + 0.35) / floors, (k + 0.75) / cols, (r + 0.75) / floors), css(fogged([60, 66, 72], d)));
        }
      }
    });
  }
  // Ground, tracks, the platform.
  groundStrip(ctx, cam, -40, 80, 0, 1, 2000, [84, 84, 76]);
  const trackX = 2.9;
  railTrack(ctx, cam, trackX + 4.5, 1, 1500);
  railTrack(ctx, cam, trackX, 1, 1500);
  // Catenary masts and wires.
  const wireY = 5.6;
  for (let z = 1400; z > 0; z -= 50) {
    beam3(ctx, cam, [trackX + 6.8, 0, z], [trackX + 6.8, 7, z], [70, 72, 74], 0.22);
    beam3(ctx, cam, [trackX + 6.8, 6.4, z], [trackX - 0.5, 6.2, z], [70, 72, 74], 0.1);
  }
  // Platform: edge face, surface, safety line, canopy.
  groundStrip(ctx, cam, -8, 1.25, platformY, 1, 500, [128, 126, 120]);
  wallStrip(ctx, cam, 1.25, 0, platformY, 1, 500, [70, 70, 68]);
  const strip = (x0: number, x1: number, c: RGB) =>
    groundStrip(ctx, cam, x0, x1, platformY + 0.005, 1, 500, c);
  strip(1.0, 1.2, [200, 186, 80]);
  strip(0.55, 0.65, [226, 226, 220]);
  // The train, coming in.
  const front = rng.range(14, 20);
  const livery = rng.pick([
    { body: hex('#c9cbcb'), band: hex('#1d3a5f'), doors: hex('#c8a23a') },
    { body: hex('#d4d2cc'), band: hex('#8c2a2c'), doors: hex('#8c2a2c') },
    { body: hex('#b9bfc2'), band: hex('#2f6b5a'), doors: hex('#d8c04a') },
  ]);
  const glow = newCanvas(W, H);
  const cars = 5;
  for (let k = cars - 1; k >= 0; k--) {
    const z0 = front + k * 24;
    trainCar(ctx, cam, trackX, z0, z0 + 23, livery, k === 0, glow.ctx);
  }
  // Overhead wire drawn over the train roof.
  line3(ctx, cam, [trackX, wireY, 2], [trackX, wireY, 1400], 'rgba(30,30,30,0.8)', 1);
  line3(ctx, cam, [trackX + 4.5, wireY, 2], [trackX + 4.5, wireY, 1400], 'rgba(30,30,30,0.6)', 1);
  // Canopy over the platform, with posts.
  const canopyY = platformY + 3.6;
  for (let z = 400; z > 2; z -= 9) {
    beam3(ctx, cam, [-2.5, platformY, z], [-2.5, canopyY, z], [52, 60, 66], 0.18);
  }
  fillFogged(ctx, cam, [[-7, canopyY, 1], [0.6, canopyY, 1], [0.6, canopyY, 400], [-7, canopyY, 400]], [92, 98, 102]);
  for (let z = 400; z > 2; z -= 9) {
    fillFogged(ctx, cam, [[-7, canopyY - 0.3, z], [0.6, canopyY - 0.3, z], [0.6, canopyY, z], [-7, canopyY, z]], [62, 70, 76]);
  }
  for (let z = 3; z < 200; z += 6) {
    fillFogged(ctx, cam, [[-3.2, canopyY - 0.05, z], [-1.8, canopyY - 0.05, z], [-1.8, canopyY - 0.05, z + 1.8], [-3.2, canopyY - 0.05, z + 1.8]], [236, 236, 224]);
  }
  fillFogged(ctx, cam, [[0.6, canopyY - 0.4, 1], [0.6, canopyY + 0.1, 1], [0.6, canopyY + 0.1, 400], [0.6, canopyY - 0.4, 400]], [60, 66, 72]);
  // Passengers waiting.
  const prng = rng.fork('passengers');
  const waiting: Array<[number, number, PersonStyle]> = [];
  for (let i = 0; i < prng.int(6, 12); i++) waiting.push([prng.range(-5, 0.2), prng.range(6, 60), randomPerson(prng, 0.15)]);
  waiting.sort((a, b) => b[1] - a[1]);
  for (const [x, z, st] of waiting) person(ctx, cam, x, z, st, prng.range(1.6, 1.85), platformY);
  ctx.save();
  ctx.globalCompositeOperation = 'screen';
  ctx.filter = 'blur(2px)';
  ctx.drawImage(glow.canvas, 0, 0);
  ctx.restore();
}

// ---------------------------------------------------------------------------
// Scene: shipyard — a new hull on the slipway under a gantry crane
// ---------------------------------------------------------------------------

/** Like placer(), plus a tilt that raises the model's +z end (a slipway slope). */
function placerTilted(at: Vec3, yaw: number, tilt: number): (p: Vec3) => Vec3 {
  const ct = Math.cos(tilt);
  const st = Math.sin(tilt);
  const P = placer(at, yaw);
  return (p) => P([p[0], p[1] * ct + p[2] * st, p[2] * ct - p[1] * st]);
}

/** A large fabrication hall: corrugated walls, a low-pitched roof, a big door. */
function shed(ctx: Ctx, cam: Camera, x0: number, x1: number, z0: number, z1: number, h: number, c: RGB): void {
  box3(ctx, cam, x0, x1, 0, h, z0, z1, c, (f, cc) => {
    if (f.index === -1) return;
    const d = distTo(cam, centroid(f.pts));
    const ribs = 40;
    for (let i = 0; i < ribs; i += 2) fill3(cc, cam, subQuad(f.pts, i / ribs, 0, (i + 0.5) / ribs, 1), css(fogged(shade(c, 0.85), d), 0.6));
    if (f.index === 0) fill3(cc, cam, subQuad(f.pts, 0.3, 0, 0.7, 0.75), css(fogged([40, 42, 44], d)));
    fill3(cc, cam, subQuad(f.pts, 0, 0.93, 1, 1), css(fogged(shade(c, 0.7), d)));
  });
}

function sceneShipyard(ctx: Ctx, rng: Rng, W: number, H: number): void {
  const cam = new Camera([0, 5, 0], 640, W / 2, H * 0.6, rng.range(-0.05, 0.05), -0.08);
  const horizon = cam.horizon;
  const skyTop = vary(rng, hex('#7e8a96'), 0.05);
  const skyLow = vary(rng, hex('#d2d3ce'), 0.03);
  setFog(mix(skyLow, skyTop, 0.2), 700);
  fillRectGradient(ctx, 0, 0, W, H, [
    [0, skyTop],
    [horizon / H, skyLow],
    [1, skyLow],
  ]);
  clouds(ctx, rng, W, H, { y0: -30, y1: horizon * 0.8, count: 40, light: [226, 228, 224], dark: [110, 118, 128], size: 240, alpha: 0.5, blur: 14 });
  ridge(ctx, rng, W, horizon + 1, H * 0.06, css(mix(fogColour, [84, 96, 100], 0.35)), 1.5);

  // Yard ground beyond the water's edge.
  const shore = rng.range(45, 55);
  groundStrip(ctx, cam, -600, 600, 1.5, shore, 3000, [120, 118, 110]);
  // Background: halls and a tower crane.
  const srng = rng.fork('sheds');
  const halls: Array<[number, number, number, number, number, RGB]> = [];
  for (let i = 0; i < 5; i++) {
    const z = srng.range(260, 520);
    const x = srng.range(-320, 260);
    halls.push([x, x + srng.range(60, 110), z, z + srng.range(50, 90), srng.range(20, 36), vary(srng, srng.pick([[150, 164, 176], [170, 172, 168], [120, 136, 150]] as RGB[]), 0.05)]);
  }
  halls.sort((a, b) => b[2] - a[2]);
  for (const [x0, x1, z0, z1, h, c] of halls) shed(ctx, cam, x0, x1, z0, z1, h, c);
  const tcx = srng.range(-160, -60);
  const tcz = srng.range(220, 300);
  beam3(ctx, cam, [tcx, 1.5, tcz], [tcx, 70, tcz], [170, 140, 50], 1.8);
  beam3(ctx, cam, [tcx - 15, 70, tcz], [tcx + 55, 70, tcz], [170, 140, 50], 1.4);
  box3(ctx, cam, tcx - 16, tcx - 8, 66, 71, tcz - 3, tcz + 3, [90, 92, 94]);

  // Water in front of the slipway.
  water(ctx, rng, W, H, Math.max(horizon, cam.project([0, 0, shore])[1]), [96, 106, 108], [50, 62, 64], { ripples: 900 });
  const [, shoreY] = cam.project([0, 1.5, shore]);
  // The quay wall along the water's edge.
  fill3(ctx, cam, [[-900, -0.5, shore], [900, -0.5, shore], [900, 1.5, shore], [-900, 1.5, shore]], css([70, 70, 66]));

  // The hull: stern toward the water, bow up the slope.
  const L = rng.range(110, 140);
  const B = 22;
  const D = 15;
  const yaw = rng.pick([-1, 1]) * rng.range(0.55, 0.8);
  const at: Vec3 = [Math.sin(yaw) * -10 + rng.range(-15, 15), 3, shore + 6];
  const P = placerTilted(at, yaw, 0.035);
  // Slipway and keel blocks.
  const slip: Vec3[] = ([[-B * 0.9, -1.6, -10], [B * 0.9, -1.6, -10], [B * 0.9, -1.6, L + 20], [-B * 0.9, -1.6, L + 20]] as Vec3[]).map(P);
  fill3(ctx, cam, slip, css(fogged([140, 136, 126], distTo(cam, centroid(slip)))));
  for (let z = 4; z < L - 10; z += 8) {
    for (const x of [-6, 0, 6]) modelBox(ctx, cam, P, x - 0.8, x + 0.8, -1.6, 0, z, z + 1.6, [70, 60, 50]);
  }
  const antifoul = rng.pick([hex('#7a3328'), hex('#6e2e26'), hex('#8a4432')]);
  const primer: RGB = rng.pick([hex('#6c7276'), hex('#7b7f7c'), hex('#5f666c')]);
  const keel = hullPlan(L, B * 0.55, 0.35, 0).map(P);
  const bilge = hullPlan(L, B * 0.97, 0.28, 5).map(P);
  const deck = hullPlan(L, B, 0.22, D).map(P);
  const brng = rng.fork('blocks');
  const blockTones = [primer, shade(primer, 1.12), mix(primer, [150, 110, 80], 0.25), shade(primer, 0.9)];
  for (const f of loftFaces(cam, keel, bilge, false)) {
    fillFace(ctx, cam, f, antifoul, 0.6);
  }
  for (const f of loftFaces(cam, bilge, deck, false)) {
    fillFace(ctx, cam, f, primer, 0.62);
    const d = distTo(cam, centroid(f.pts));
    // Hull blocks in different coats of primer, with weld seams.
    const cols = f.index === 0 ? 2 : 6;
    for (let k = 0; k < cols; k++) {
      for (let r = 0; r < 2; r++) {
        const tone = litColour(brng.pick(blockTones), f.normal, 0.62);
        fill3(ctx, cam, subQuad(f.pts, k / cols, r / 2, (k + 1) / cols, (r + 1) / 2), css(fogged(tone, d)));
        fill3(ctx, cam, subQuad(f.pts, k / cols, r / 2, k / cols + 0.004, (r + 1) / 2), css(fogged([40, 40, 40], d), 0.6));
      }
      fill3(ctx, cam, subQuad(f.pts, 0, 0.5, 1, 0.515), css(fogged([40, 40, 40], d), 0.5));
    }
    // Boot line where the antifouling meets the topsides.
    fill3(ctx, cam, subQuad(f.pts, 0, 0, 1, 0.06), css(fogged(shade(antifoul, 0.9), d)));
  }
  // A deckhouse block going up aft, in bare steel.
  modelBox(ctx, cam, P, -B * 0.4, B * 0.4, D, D + 12, 8, 24, mix(primer, [200, 200, 196], 0.35), (f, c) => {
    if (f.index === -1) return;
    const d = distTo(cam, centroid(f.pts));
    for (let r = 0; r < 3; r++) fill3(c, cam, subQuad(f.pts, 0.08, 0.2 + r * 0.28, 0.92, 0.3 + r * 0.28), css(fogged([50, 56, 62], d)));
  });
  // Scaffolding at the bow.
  const scaffold = [200, 170, 60] as RGB;
  for (let z = L - 30; z <= L - 6; z += 4) {
    for (const side of [-1, 1]) {
      const x = side * (B / 2 + 1.5);
      beam3(ctx, cam, P([x, -1.6, z]), P([x, D + 2, z]), scaffold, 0.12);
    }
  }
  for (let y = 0; y <= D + 2; y += 2.5) {
    for (const side of [-1, 1]) {
      const x = side * (B / 2 + 1.5);
      beam3(ctx, cam, P([x, y, L - 30]), P([x, y, L - 6]), scaffold, 0.1);
    }
  }
  // Rudder and propeller boss at the stern.
  modelBox(ctx, cam, P, -0.6, 0.6, 0.5, 7, -3.5, -0.5, shade(antifoul, 0.85));
  // Goliath gantry crane straddling the slipway.
  const gz = L * rng.range(0.45, 0.7);
  const span = B / 2 + 18;
  const gy = 62;
  const craneC: RGB = rng.pick([hex('#c9c6bd'), hex('#b9a24a')]);
  const stripe: RGB = hex('#9c3b30');
  for (const side of [-1, 1]) {
    beam3(ctx, cam, P([side * span, -1.6, gz - 6]), P([side * span, gy, gz]), craneC, 2.2);
    beam3(ctx, cam, P([side * span, -1.6, gz + 6]), P([side * span, gy, gz]), craneC, 2.2);
  }
  modelBox(ctx, cam, P, -span - 8, span + 8, gy, gy + 7, gz - 3, gz + 3, craneC, (f, c) => {
    if (f.index === -1) return;
    fill3(c, cam, subQuad(f.pts, 0, 0.1, 1, 0.3), css(fogged(litColour(stripe, f.normal), distTo(cam, centroid(f.pts)))));
  });
  modelBox(ctx, cam, P, -5, 3, gy - 4, gy, gz - 3.5, gz + 3.5, shade(craneC, 0.8));
  beam3(ctx, cam, P([-1, gy - 4, gz]), P([-1, D + 8, gz]), [40, 40, 40], 0.12);
  // Workers in hi-vis on the slip.
  const wrng = rng.fork('workers');
  for (let i = 0; i < 6; i++) {
    const p = P([wrng.range(-B, B), -1.6, wrng.range(-6, L * 0.5)]);
    if (Math.abs(p[0] - at[0]) < B * 0.45 && wrng.chance(0.7)) continue;
    person(ctx, cam, p[0], p[2], { ...randomPerson(wrng, 0), coat: wrng.pick([[220, 140, 40], [210, 200, 60]] as RGB[]) }, 1.75, p[1]);
  }
  // Reflection of the hull in the water.
  softSpot(ctx, W / 2, shoreY + 30, W * 0.4, 40, [60, 40, 36], 0.2);
}

// ---------------------------------------------------------------------------
// Portraits: head-and-shoulders columnist photos
// ---------------------------------------------------------------------------

interface Sitter {
  skin: RGB;
  hair: RGB;
  hairStyle: 'long' | 'receding' | 'bob';
  eyes: RGB;
  lips: RGB;
  jacket: RGB;
  shirt: RGB;
  backdrop: [RGB, RGB];
  age: number; // 0 young .. 1 old: wrinkles, bags under the eyes
  face: [width: number, height: number];
  beard?: RGB;
  glasses?: RGB;
  earrings?: boolean;
  headTilt: number;
}

const SITTERS: Record<string, Sitter> = {
  // A: a woman with long dark hair.
  'portrait-a': {
    skin: hex('#d9a988'),
    hair: hex('#231a16'),
    hairStyle: 'long',
    eyes: hex('#4a3020'),
    lips: hex('#a85a58'),
    jacket: hex('#2a2d36'),
    shirt: hex('#e6ddd0'),
    backdrop: [hex('#8d949a'), hex('#4f565e')],
    age: 0.15,
    face: [204, 288],
    earrings: true,
    headTilt: -0.03,
  },
  // B: an older man with a grey beard.
  'portrait-b': {
    skin: hex('#d6a285'),
    hair: hex('#a6a39e'),
    hairStyle: 'receding',
    eyes: hex('#4e6070'),
    lips: hex('#a86a60'),
    jacket: hex('#5b5247'),
    shirt: hex('#b9c8d8'),
    backdrop: [hex('#7d8580'), hex('#3e4440')],
    age: 0.85,
    face: [222, 292],
    beard: hex('#b4b0aa'),
    headTilt: 0.02,
  },
  // C: a woman with glasses.
  'portrait-c': {
    skin: hex('#c58f6c'),
    hair: hex('#5a3422'),
    hairStyle: 'bob',
    eyes: hex('#3a2a1e'),
    lips: hex('#9a5250'),
    jacket: hex('#2f4f56'),
    shirt: hex('#d8d0c4'),
    backdrop: [hex('#a39a8e'), hex('#5e5750')],
    age: 0.35,
    face: [220, 280],
    glasses: hex('#2b1d16'),
    earrings: true,
    headTilt: 0.025,
  },
};

/** Outline of a face: temples, cheekbones, jaw and chin. */
function facePath(ctx: Ctx, cx: number, cy: number, w: number, h: number, jaw: number): void {
  const hw = w / 2;
  ctx.beginPath();
  ctx.moveTo(cx, cy - h * 0.5);
  ctx.bezierCurveTo(cx + hw * 0.75, cy - h * 0.5, cx + hw, cy - h * 0.3, cx + hw, cy - h * 0.05);
  ctx.bezierCurveTo(cx + hw, cy + h * 0.15, cx + hw * (0.8 + jaw * 0.1), cy + h * 0.3, cx + hw * (0.55 + jaw * 0.15), cy + h * 0.42);
  ctx.bezierCurveTo(cx + hw * 0.35, cy + h * 0.5, cx + hw * 0.15, cy + h * 0.5, cx, cy + h * 0.5);
  ctx.bezierCurveTo(cx - hw * 0.15, cy + h * 0.5, cx - hw * 0.35, cy + h * 0.5, cx - hw * (0.55 + jaw * 0.15), cy + h * 0.42);
  ctx.bezierCurveTo(cx - hw * (0.8 + jaw * 0.1), cy + h * 0.3, cx - hw, cy + h * 0.15, cx - hw, cy - h * 0.05);
  ctx.bezierCurveTo(cx - hw, cy - h * 0.3, cx - hw * 0.75, cy - h * 0.5, cx, cy - h * 0.5);
  ctx.closePath();
}

/** Many fine strokes following a direction field, for hair and beard texture. */
function strands(
  ctx: Ctx,
  rng: Rng,
  n: number,
  start: () => Pt,
  dir: (x: number, y: number) => number,
  len: [number, number],
  colours: RGB[],
  width: number,
  alpha: number,
): void {
  ctx.lineCap = 'round';
  for (let i = 0; i < n; i++) {
    let [x, y] = start();
    const L = rng.range(len[0], len[1]);
    ctx.strokeStyle = css(rng.pick(colours), alpha * rng.range(0.5, 1));
    ctx.lineWidth = width * rng.range(0.6, 1.3);
    ctx.beginPath();
    ctx.moveTo(x, y);
    const steps = 6;
    for (let k = 0; k < steps; k++) {
      const a = dir(x, y);
      x += Math.cos(a) * (L / steps);
      y += Math.sin(a) * (L / steps);
      ctx.lineTo(x, y);
    }
    ctx.stroke();
  }
  ctx.lineCap = 'butt';
}

function drawEye(ctx: Ctx, x: number, y: number, w: number, s: Sitter, side: number): void {
  const h = w * 0.36;
  const inner = x - side * w * 0.5;
  const outer = x + side * w * 0.5;
  const almond = () => {
    ctx.beginPath();
    ctx.moveTo(inner, y + h * 0.05);
    ctx.bezierCurveTo(x - side * w * 0.2, y - h * 0.75, x + side * w * 0.25, y - h * 0.7, outer, y - h * 0.02);
    ctx.bezierCurveTo(x + side * w * 0.2, y + h * 0.55, x - side * w * 0.2, y + h * 0.55, inner, y + h * 0.05);
    ctx.closePath();
  };
  // Socket shadow and lid.
  softSpot(ctx, x - side * w * 0.1, y - h * 0.5, w * 0.75, h * 1.3, shade(s.skin, 0.6), 0.35);
  almond();
  ctx.fillStyle = css([232, 224, 216]);
  ctx.fill();
  ctx.save();
  almond();
  ctx.clip();
  const ir = h * 0.62;
  const g = ctx.createRadialGradient(x, y - h * 0.05, ir * 0.2, x, y - h * 0.05, ir);
  g.addColorStop(0, css(shade(s.eyes, 1.5)));
  g.addColorStop(0.8, css(s.eyes));
  g.addColorStop(1, css(shade(s.eyes, 0.5)));
  ctx.fillStyle = g;
  ctx.beginPath();
  ctx.arc(x, y - h * 0.05, ir, 0, Math.PI * 2);
  ctx.fill();
  ctx.fillStyle = 'rgb(14,10,10)';
  ctx.beginPath();
  ctx.arc(x, y - h * 0.05, ir * 0.42, 0, Math.PI * 2);
  ctx.fill();
  // Shadow cast by the upper lid.
  ctx.fillStyle = 'rgba(40,20,16,0.35)';
  ctx.fillRect(x - w, y - h, w * 2, h * 0.55);
  ctx.restore();
  ctx.fillStyle = 'rgba(255,255,255,0.85)';
  ctx.beginPath();
  ctx.arc(x - w * 0.08, y - h * 0.22, Math.max(1, ir * 0.2), 0, Math.PI * 2);
  ctx.fill();
  // Lash line and lid crease.
  ctx.strokeStyle = 'rgba(30,20,18,0.9)';
  ctx.lineWidth = Math.max(1.5, w * 0.06);
  ctx.beginPath();
  ctx.moveTo(inner, y + h * 0.05);
  ctx.bezierCurveTo(x - side * w * 0.2, y - h * 0.75, x + side * w * 0.25, y - h * 0.7, outer + side * w * 0.04, y - h * 0.1);
  ctx.stroke();
  ctx.strokeStyle = css(shade(s.skin, 0.65), 0.6);
  ctx.lineWidth = Math.max(1, w * 0.03);
  ctx.beginPath();
  ctx.moveTo(inner + side * w * 0.1, y - h * 0.55);
  ctx.quadraticCurveTo(x, y - h * 1.25, outer, y - h * 0.5);
  ctx.stroke();
  // Lower lid and, with age, a soft bag beneath.
  ctx.strokeStyle = css(shade(s.skin, 0.7), 0.5);
  ctx.beginPath();
  ctx.moveTo(inner + side * w * 0.1, y + h * 0.3);
  ctx.quadraticCurveTo(x, y + h * 0.7, outer - side * w * 0.05, y + h * 0.15);
  ctx.stroke();
  if (s.age > 0.5) {
    ctx.strokeStyle = css(shade(s.skin, 0.72), 0.45);
    ctx.beginPath();
    ctx.moveTo(inner + side * w * 0.15, y + h * 0.85);
    ctx.quadraticCurveTo(x, y + h * 1.35, outer, y + h * 0.6);
    ctx.stroke();
    // Crow's feet.
    for (let k = -1; k <= 1; k++) {
      ctx.beginPath();
      ctx.moveTo(outer + side * w * 0.12, y + k * h * 0.3);
      ctx.lineTo(outer + side * w * 0.35, y + k * h * 0.55);
      ctx.stroke();
    }
  }
}

function drawBrow(ctx: Ctx, x: number, y: number, w: number, colour: RGB, side: number, bushy: number): void {
  ctx.fillStyle = css(colour, 0.9);
  ctx.beginPath();
  const inner = x - side * w * 0.55;
  const outer = x + side * w * 0.6;
  ctx.moveTo(inner, y + w * 0.05);
  ctx.quadraticCurveTo(x, y - w * (0.18 + bushy * 0.05), outer, y + w * 0.08);
  ctx.quadraticCurveTo(x, y - w * (0.05 - bushy * 0.08), inner, y + w * (0.14 + bushy * 0.06));
  ctx.closePath();
  ctx.fill();
}

function drawPortrait(ctx: Ctx, rng: Rng, W: number, H: number, s: Sitter): void {
  // Backdrop: a soft studio gradient with blurred shapes of an office behind.
  const bg = ctx.createRadialGradient(W * 0.4, H * 0.35, 50, W * 0.5, H * 0.5, W * 0.9);
  bg.addColorStop(0, css(s.backdrop[0]));
  bg.addColorStop(1, css(s.backdrop[1]));
  ctx.fillStyle = bg;
  ctx.fillRect(0, 0, W, H);
  layer(ctx, W, H, (l) => {
    for (let i = 0; i < 7; i++) {
      l.fillStyle = css(mix(s.backdrop[0], rng.pick([[255, 240, 210], [40, 40, 40], [120, 140, 150]] as RGB[]), 0.3), 0.35);
      l.fillRect(rng.range(-50, W), rng.range(-50, H * 0.6), rng.range(40, 160), rng.range(80, 300));
    }
    for (let i = 0; i < 6; i++) softSpot(l, rng.range(0, W), rng.range(0, H * 0.5), 60, 60, [255, 246, 224], 0.25);
  }, { blur: 28 });

  ctx.save();
  ctx.translate(W / 2, H * 0.42);
  ctx.rotate(s.headTilt);
  ctx.translate(-W / 2, -H * 0.42);
  const cx = W / 2;
  const cy = H * 0.4;
  const [fw, fh] = s.face;
  const jaw = s.beard ? 0.9 : 0.3;
  const hairC = s.hair;
  const hairLight = mix(hairC, [255, 240, 220], 0.25);
  const hairDark = shade(hairC, 0.55);

  // Long hair falls behind the shoulders.
  if (s.hairStyle === 'long') {
    ctx.beginPath();
    ctx.moveTo(cx, cy - fh * 0.52);
    ctx.bezierCurveTo(cx - fw * 0.45, cy - fh * 0.52, cx - fw * 0.62, cy - fh * 0.35, cx - fw * 0.64, cy - fh * 0.1);
    ctx.bezierCurveTo(cx - fw * 0.9, cy + fh * 0.3, cx - fw * 0.9, cy + fh * 0.8, cx - fw * 0.8, cy + fh * 1.05);
    ctx.lineTo(cx + fw * 0.8, cy + fh * 1.05);
    ctx.bezierCurveTo(cx + fw * 0.9, cy + fh * 0.8, cx + fw * 0.9, cy + fh * 0.3, cx + fw * 0.64, cy - fh * 0.1);
    ctx.bezierCurveTo(cx + fw * 0.62, cy - fh * 0.35, cx + fw * 0.45, cy - fh * 0.52, cx, cy - fh * 0.52);
    ctx.closePath();
    ctx.fillStyle = css(shade(hairC, 0.75));
    ctx.fill();
    ctx.save();
    ctx.clip();
    strands(ctx, rng, 900, () => [cx + rng.range(-fw, fw), rng.range(cy - fh * 0.3, cy + fh * 1.05)], (x) => Math.PI / 2 + (x < cx ? 0.1 : -0.1), [30, 70], [hairLight, hairDark, hairC], 1.2, 0.45);
    ctx.restore();
  }
  // Neck with the jaw's shadow.
  const neckTop = cy + fh * 0.3;
  const neckW = s.beard ? 0.3 : 0.27;
  ctx.beginPath();
  ctx.moveTo(cx - fw * neckW, neckTop);
  ctx.quadraticCurveTo(cx - fw * (neckW - 0.02), cy + fh * 0.6, cx - fw * (neckW + 0.06), H * 0.72);
  ctx.lineTo(cx + fw * (neckW + 0.06), H * 0.72);
  ctx.quadraticCurveTo(cx + fw * (neckW - 0.02), cy + fh * 0.6, cx + fw * neckW, neckTop);
  ctx.closePath();
  const ng = ctx.createLinearGradient(0, neckTop, 0, H * 0.72);
  ng.addColorStop(0, css(shade(s.skin, 0.55)));
  ng.addColorStop(0.45, css(shade(s.skin, 0.8)));
  ng.addColorStop(1, css(shade(s.skin, 0.88)));
  ctx.fillStyle = ng;
  ctx.fill();
  ctx.restore();

  // Shoulders and clothes (not tilted with the head): trapezius slope, round
  // deltoids, arms running out of the frame.
  const base = H * 0.68;
  const body = () => {
    ctx.beginPath();
    ctx.moveTo(cx - fw * 0.3, base);
    ctx.quadraticCurveTo(cx - W * 0.2, base + H * 0.025, cx - W * 0.34, base + H * 0.07);
    ctx.quadraticCurveTo(cx - W * 0.46, base + H * 0.1, cx - W * 0.48, base + H * 0.24);
    ctx.lineTo(cx - W * 0.5, H + 10);
    ctx.lineTo(cx + W * 0.5, H + 10);
    ctx.lineTo(cx + W * 0.48, base + H * 0.24);
    ctx.quadraticCurveTo(cx + W * 0.46, base + H * 0.1, cx + W * 0.34, base + H * 0.07);
    ctx.quadraticCurveTo(cx + W * 0.2, base + H * 0.025, cx + fw * 0.3, base);
    ctx.closePath();
  };
  body();
  const jg = ctx.createLinearGradient(0, base, W, H);
  jg.addColorStop(0, css(shade(s.jacket, 1.25)));
  jg.addColorStop(1, css(shade(s.jacket, 0.7)));
  ctx.fillStyle = jg;
  ctx.fill();
  // Fabric texture.
  ctx.save();
  body();
  ctx.clip();
  strands(ctx, rng, 900, () => [rng.range(0, W), rng.range(base, H)], () => rng.range(0, Math.PI), [4, 10], [shade(s.jacket, 1.3), shade(s.jacket, 0.6)], 1, 0.22);
  ctx.restore();
  const sweater = s.hairStyle === 'bob';
  if (sweater) {
    // Crew-neck jumper: a ribbed neckband, a fine chain.
    ctx.strokeStyle = css(shade(s.jacket, 0.75));
    ctx.lineWidth = 14;
    ctx.beginPath();
    ctx.ellipse(cx, base - 4, fw * 0.34, H * 0.05, 0, 0.1, Math.PI - 0.1);
    ctx.stroke();
    ctx.strokeStyle = 'rgba(214,186,110,0.9)';
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    ctx.ellipse(cx, base - 12, fw * 0.22, H * 0.045, 0, 0.2, Math.PI - 0.2);
    ctx.stroke();
  } else {
    // Shirt or blouse in the opening of the jacket.
    ctx.beginPath();
    ctx.moveTo(cx - fw * 0.32, base);
    ctx.lineTo(cx, H * (s.hairStyle === 'receding' ? 0.84 : 0.9));
    ctx.lineTo(cx + fw * 0.32, base);
    ctx.closePath();
    ctx.fillStyle = css(s.shirt);
    ctx.fill();
    softSpot(ctx, cx, base + 8, fw * 0.3, 22, shade(s.shirt, 0.5), 0.35);
  }
  if (s.hairStyle === 'receding') {
    // Collar points and a knitted tie.
    ctx.fillStyle = css(shade(s.shirt, 0.92));
    for (const side of [-1, 1]) {
      ctx.beginPath();
      ctx.moveTo(cx + side * fw * 0.32, base - 4);
      ctx.lineTo(cx + side * fw * 0.04, base + H * 0.07);
      ctx.lineTo(cx + side * fw * 0.24, base + H * 0.1);
      ctx.closePath();
      ctx.fill();
    }
    ctx.fillStyle = css([70, 40, 42]);
    ctx.beginPath();
    ctx.moveTo(cx - fw * 0.05, base + H * 0.06);
    ctx.lineTo(cx + fw * 0.05, base + H * 0.06);
    ctx.lineTo(cx + fw * 0.09, H + 10);
    ctx.lineTo(cx - fw * 0.09, H + 10);
    ctx.closePath();
    ctx.fill();
  }
  if (!sweater) {
    // Lapels.
    ctx.fillStyle = css(shade(s.jacket, 0.8));
    for (const side of [-1, 1]) {
      ctx.beginPath();
      ctx.moveTo(cx + side * fw * 0.32, base);
      ctx.lineTo(cx + side * fw * 0.04, H * 0.95);
      ctx.lineTo(cx + side * fw * 0.2, H + 10);
      ctx.lineTo(cx + side * fw * 0.66, base + H * 0.14);
      ctx.lineTo(cx + side * fw * 0.52, base + H * 0.02);
      ctx.closePath();
      ctx.fill();
    }
  }
  // The head's shadow falling on the chest.
  softSpot(ctx, cx + fw * 0.1, base + 10, fw * 0.45, 30, [0, 0, 0], 0.25);
  // Fabric texture.

  ctx.save();
  ctx.translate(W / 2, H * 0.42);
  ctx.rotate(s.headTilt);
  ctx.translate(-W / 2, -H * 0.42);
  // Ears.
  for (const side of [-1, 1]) {
    ctx.beginPath();
    ctx.ellipse(cx + side * fw * 0.49, cy + fh * 0.02, fw * 0.08, fh * 0.11, side * 0.15, 0, Math.PI * 2);
    ctx.fillStyle = css(shade(s.skin, side < 0 ? 0.92 : 0.75));
    ctx.fill();
    ctx.strokeStyle = css(shade(s.skin, 0.55), 0.6);
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.ellipse(cx + side * fw * 0.5, cy + fh * 0.02, fw * 0.045, fh * 0.07, side * 0.15, -Math.PI * 0.4, Math.PI * 0.6);
    ctx.stroke();
    if (s.earrings) {
      ctx.fillStyle = 'rgb(214,180,96)';
      ctx.beginPath();
      ctx.arc(cx + side * fw * 0.5, cy + fh * 0.12, 5, 0, Math.PI * 2);
      ctx.fill();
    }
  }
  // Face: key light from the left, falling off to the right and under the chin.
  facePath(ctx, cx, cy, fw, fh, jaw);
  const fg = ctx.createRadialGradient(cx - fw * 0.15, cy - fh * 0.08, fw * 0.1, cx, cy, fw * 0.75);
  fg.addColorStop(0, css(shade(s.skin, 1.1)));
  fg.addColorStop(0.7, css(s.skin));
  fg.addColorStop(1, css(shade(s.skin, 0.72)));
  ctx.fillStyle = fg;
  ctx.fill();
  ctx.save();
  facePath(ctx, cx, cy, fw, fh, jaw);
  ctx.clip();
  const side = ctx.createLinearGradient(cx, 0, cx + fw * 0.5, 0);
  side.addColorStop(0, 'rgba(60,30,20,0)');
  side.addColorStop(1, 'rgba(60,30,20,0.28)');
  ctx.fillStyle = side;
  ctx.fillRect(cx, cy - fh, fw, fh * 2);
  // Cheek colour, temple shading, jaw shadow.
  softSpot(ctx, cx - fw * 0.24, cy + fh * 0.14, fw * 0.16, fh * 0.1, [200, 90, 80], 0.14);
  softSpot(ctx, cx + fw * 0.24, cy + fh * 0.14, fw * 0.16, fh * 0.1, [180, 80, 70], 0.12);
  softSpot(ctx, cx + fw * 0.4, cy - fh * 0.2, fw * 0.15, fh * 0.2, shade(s.skin, 0.6), 0.3);
  softSpot(ctx, cx - fw * 0.38, cy + fh * 0.25, fw * 0.2, fh * 0.15, shade(s.skin, 0.7), 0.2);
  // Highlights: forehead, cheekbone, bridge of the nose; hollows under the cheekbones.
  softSpot(ctx, cx - fw * 0.08, cy - fh * 0.3, fw * 0.22, fh * 0.08, [255, 240, 225], 0.18);
  softSpot(ctx, cx - fw * 0.26, cy + fh * 0.06, fw * 0.12, fh * 0.05, [255, 240, 225], 0.2);
  softSpot(ctx, cx - fw * 0.02, cy + fh * 0.08, fw * 0.03, fh * 0.1, [255, 240, 225], 0.2);
  softSpot(ctx, cx + fw * 0.32, cy + fh * 0.2, fw * 0.12, fh * 0.1, shade(s.skin, 0.6), 0.25);
  softSpot(ctx, cx, cy + fh * 0.45, fw * 0.2, fh * 0.06, shade(s.skin, 0.65), 0.25);
  ctx.restore();

  // Eyes, brows.
  const eyeY = cy - fh * 0.01;
  const eyeW = fw * 0.19;
  for (const sd of [-1, 1]) drawEye(ctx, cx + sd * fw * 0.2, eyeY, eyeW, s, sd);
  const browC = s.beard ? shade(s.hair, 0.8) : shade(s.hair, 0.9);
  for (const sd of [-1, 1]) drawBrow(ctx, cx + sd * fw * 0.2, eyeY - fw * 0.13, eyeW, browC, sd, s.beard ? 1 : 0);
  // Nose: a shadow down the far side of the bridge, soft tip, nostrils.
  const noseY = cy + fh * 0.18;
  ctx.save();
  ctx.filter = 'blur(3px)';
  ctx.strokeStyle = css(shade(s.skin, 0.7), 0.6);
  ctx.lineWidth = 5;
  ctx.beginPath();
  ctx.moveTo(cx + fw * 0.06, eyeY + fh * 0.02);
  ctx.quadraticCurveTo(cx + fw * 0.09, noseY - fh * 0.05, cx + fw * 0.08, noseY);
  ctx.stroke();
  ctx.fillStyle = css(shade(s.skin, 0.55), 0.7);
  ctx.beginPath();
  ctx.ellipse(cx - fw * 0.055, noseY + fh * 0.015, fw * 0.032, fh * 0.013, 0.3, 0, Math.PI * 2);
  ctx.ellipse(cx + fw * 0.055, noseY + fh * 0.015, fw * 0.032, fh * 0.013, -0.3, 0, Math.PI * 2);
  ctx.fill();
  ctx.strokeStyle = css(shade(s.skin, 0.65), 0.5);
  ctx.lineWidth = 3;
  ctx.beginPath();
  ctx.arc(cx - fw * 0.07, noseY - fh * 0.005, fw * 0.04, Math.PI * 0.6, Math.PI * 1.4);
  ctx.stroke();
  ctx.beginPath();
  ctx.arc(cx + fw * 0.07, noseY - fh * 0.005, fw * 0.04, -Math.PI * 0.4, Math.PI * 0.4);
  ctx.stroke();
  ctx.restore();
  softSpot(ctx, cx - fw * 0.01, noseY - fh * 0.02, fw * 0.05, fh * 0.03, [255, 235, 220], 0.35);
  // Mouth.
  const mouthY = cy + fh * 0.31;
  const mw = fw * 0.2;
  ctx.save();
  ctx.filter = 'blur(0.8px)';
  ctx.fillStyle = css(shade(s.lips, 0.85));
  ctx.beginPath();
  ctx.moveTo(cx - mw, mouthY);
  ctx.bezierCurveTo(cx - mw * 0.5, mouthY - fh * 0.035, cx - mw * 0.15, mouthY - fh * 0.04, cx, mouthY - fh * 0.025);
  ctx.bezierCurveTo(cx + mw * 0.15, mouthY - fh * 0.04, cx + mw * 0.5, mouthY - fh * 0.035, cx + mw, mouthY);
  ctx.quadraticCurveTo(cx, mouthY + fh * 0.005, cx - mw, mouthY);
  ctx.fill();
  ctx.fillStyle = css(s.lips);
  ctx.beginPath();
  ctx.moveTo(cx - mw * 0.95, mouthY + fh * 0.002);
  ctx.quadraticCurveTo(cx, mouthY + fh * 0.012, cx + mw * 0.95, mouthY + fh * 0.002);
  ctx.bezierCurveTo(cx + mw * 0.6, mouthY + fh * 0.06, cx - mw * 0.6, mouthY + fh * 0.06, cx - mw * 0.95, mouthY + fh * 0.002);
  ctx.fill();
  ctx.strokeStyle = 'rgba(70,30,30,0.7)';
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.moveTo(cx - mw * 1.04, mouthY - fh * 0.008);
  ctx.quadraticCurveTo(cx, mouthY + fh * 0.016, cx + mw * 1.04, mouthY - fh * 0.008);
  ctx.stroke();
  // Smile dimples at the corners.
  ctx.strokeStyle = css(shade(s.skin, 0.7), 0.4);
  for (const sd of [-1, 1]) {
    ctx.beginPath();
    ctx.moveTo(cx + sd * mw * 1.05, mouthY - fh * 0.02);
    ctx.quadraticCurveTo(cx + sd * mw * 1.15, mouthY, cx + sd * mw * 1.05, mouthY + fh * 0.02);
    ctx.stroke();
  }
  ctx.restore();
  softSpot(ctx, cx - mw * 0.2, mouthY + fh * 0.035, mw * 0.4, fh * 0.012, [255, 230, 220], 0.3);
  softSpot(ctx, cx, mouthY + fh * 0.09, mw * 0.6, fh * 0.025, shade(s.skin, 0.6), 0.3);
  // Age lines.
  if (s.age > 0.5) {
    ctx.strokeStyle = css(shade(s.skin, 0.7), 0.45);
    ctx.lineWidth = 1.6;
    for (let k = 0; k < 3; k++) {
      ctx.beginPath();
      ctx.moveTo(cx - fw * 0.25, cy - fh * (0.22 + k * 0.055));
      ctx.quadraticCurveTo(cx, cy - fh * (0.25 + k * 0.055), cx + fw * 0.25, cy - fh * (0.22 + k * 0.055));
      ctx.stroke();
    }
    for (const sd of [-1, 1]) {
      ctx.beginPath();
      ctx.moveTo(cx + sd * fw * 0.11, noseY);
      ctx.quadraticCurveTo(cx + sd * fw * 0.2, mouthY - fh * 0.02, cx + sd * fw * 0.2, mouthY + fh * 0.06);
      ctx.stroke();
    }
  }
  // Beard and moustache.
  if (s.beard) {
    ctx.save();
    ctx.beginPath();
    ctx.moveTo(cx - fw * 0.5, cy + fh * 0.02);
    ctx.bezierCurveTo(cx - fw * 0.45, cy + fh * 0.3, cx - fw * 0.35, cy + fh * 0.58, cx, cy + fh * 0.6);
    ctx.bezierCurveTo(cx + fw * 0.35, cy + fh * 0.58, cx + fw * 0.45, cy + fh * 0.3, cx + fw * 0.5, cy + fh * 0.02);
    ctx.lineTo(cx + fw * 0.42, cy + fh * 0.1);
    ctx.quadraticCurveTo(cx + fw * 0.3, cy + fh * 0.22, cx + fw * 0.15, noseY + fh * 0.05);
    ctx.quadraticCurveTo(cx, noseY + fh * 0.03, cx - fw * 0.15, noseY + fh * 0.05);
    ctx.quadraticCurveTo(cx - fw * 0.3, cy + fh * 0.22, cx - fw * 0.42, cy + fh * 0.1);
    ctx.closePath();
    // Leave the lower lip showing through.
    ctx.moveTo(cx - mw * 0.7, mouthY + fh * 0.005);
    ctx.quadraticCurveTo(cx, mouthY + fh * 0.07, cx + mw * 0.7, mouthY + fh * 0.005);
    ctx.quadraticCurveTo(cx, mouthY + fh * 0.02, cx - mw * 0.7, mouthY + fh * 0.005);
    ctx.closePath();
    ctx.clip('evenodd');
    const bg2 = ctx.createLinearGradient(cx - fw / 2, 0, cx + fw / 2, 0);
    bg2.addColorStop(0, css(shade(s.beard, 1.05)));
    bg2.addColorStop(1, css(shade(s.beard, 0.7)));
    ctx.fillStyle = bg2;
    ctx.fillRect(cx - fw, cy - fh, fw * 2, fh * 2);
    strands(
      ctx,
      rng,
      2600,
      () => [cx + rng.range(-fw * 0.55, fw * 0.55), rng.range(noseY, cy + fh * 0.62)],
      (x) => Math.PI / 2 + (cx - x) / fw * 0.8,
      [6, 16],
      [shade(s.beard, 1.25), shade(s.beard, 0.6), [230, 228, 224], [90, 86, 82]],
      1.2,
      0.7,
    );
    ctx.restore();
  }
  // Hair on top.
  const hairTop = cy - fh * 0.5;
  if (s.hairStyle === 'receding') {
    // Grey at the sides and back, thin over a high forehead.
    for (const sd of [-1, 1]) {
      ctx.beginPath();
      ctx.moveTo(cx + sd * fw * 0.52, cy + fh * 0.02);
      ctx.bezierCurveTo(cx + sd * fw * 0.58, cy - fh * 0.2, cx + sd * fw * 0.5, cy - fh * 0.4, cx + sd * fw * 0.25, cy - fh * 0.48);
      ctx.lineTo(cx + sd * fw * 0.3, cy - fh * 0.38);
      ctx.bezierCurveTo(cx + sd * fw * 0.44, cy - fh * 0.3, cx + sd * fw * 0.46, cy - fh * 0.15, cx + sd * fw * 0.44, cy - fh * 0.02);
      ctx.closePath();
      ctx.fillStyle = css(shade(hairC, sd < 0 ? 1 : 0.8));
      ctx.fill();
    }
    strands(ctx, rng, 500, () => [cx + rng.range(-fw * 0.55, fw * 0.55), rng.range(hairTop, cy + fh * 0.02)],
      (x) => (x < cx ? Math.PI * 0.6 : Math.PI * 0.4), [6, 14], [hairLight, hairDark, [220, 218, 214]], 1, 0.35);
    softSpot(ctx, cx, hairTop + fh * 0.04, fw * 0.3, fh * 0.05, hairC, 0.4);
  } else if (s.hairStyle === 'long') {
    // Side parting, hair sweeping over the forehead and down both sides.
    const part = cx - fw * 0.12;
    ctx.beginPath();
    ctx.moveTo(part, hairTop - fh * 0.06);
    ctx.bezierCurveTo(cx + fw * 0.45, hairTop - fh * 0.06, cx + fw * 0.62, cy - fh * 0.25, cx + fw * 0.6, cy + fh * 0.2);
    ctx.bezierCurveTo(cx + fw * 0.62, cy + fh * 0.6, cx + fw * 0.7, cy + fh * 0.85, cx + fw * 0.75, cy + fh * 1.0);
    for (let k = 1; k <= 6; k++) ctx.lineTo(cx + fw * (0.75 - k * 0.042), cy + fh * (1.0 + (k % 2 ? 0.05 : -0.01) * rng.range(0.5, 1.5)));
    ctx.bezierCurveTo(cx + fw * 0.48, cy + fh * 0.6, cx + fw * 0.5, cy + fh * 0.1, cx + fw * 0.42, cy - fh * 0.2);
    ctx.bezierCurveTo(cx + fw * 0.3, cy - fh * 0.35, cx, cy - fh * 0.38, cx - fw * 0.2, cy - fh * 0.33);
    ctx.bezierCurveTo(cx - fw * 0.42, cy - fh * 0.25, cx - fw * 0.5, cy, cx - fw * 0.5, cy + fh * 0.3);
    ctx.bezierCurveTo(cx - fw * 0.52, cy + fh * 0.6, cx - fw * 0.55, cy + fh * 0.85, cx - fw * 0.58, cy + fh * 1.0);
    for (let k = 1; k <= 6; k++) ctx.lineTo(cx - fw * (0.58 + k * 0.034), cy + fh * (1.0 + (k % 2 ? 0.05 : -0.01) * rng.range(0.5, 1.5)));
    ctx.bezierCurveTo(cx - fw * 0.72, cy + fh * 0.6, cx - fw * 0.68, cy - fh * 0.1, cx - fw * 0.55, cy - fh * 0.35);
    ctx.bezierCurveTo(cx - fw * 0.45, hairTop - fh * 0.02, cx - fw * 0.3, hairTop - fh * 0.06, part, hairTop - fh * 0.06);
    ctx.closePath();
    const hg = ctx.createLinearGradient(cx - fw, 0, cx + fw, 0);
    hg.addColorStop(0, css(hairC));
    hg.addColorStop(0.35, css(mix(hairC, hairLight, 0.6)));
    hg.addColorStop(1, css(hairDark));
    ctx.fillStyle = hg;
    ctx.fill();
    ctx.save();
    ctx.clip();
    strands(ctx, rng, 1800, () => [cx + rng.range(-fw * 0.8, fw * 0.8), rng.range(hairTop - fh * 0.1, cy + fh * 1.0)],
      (x, y) => (y < cy - fh * 0.25 ? (x < part ? Math.PI * 0.85 : Math.PI * 0.15) : Math.PI / 2 + (x < cx ? 0.08 : -0.08)),
      [20, 50], [hairLight, hairDark, hairC, mix(hairC, [120, 80, 50], 0.3)], 1.2, 0.5);
    ctx.restore();
  } else {
    // A chin-length bob with a soft fringe.
    ctx.beginPath();
    ctx.moveTo(cx, hairTop - fh * 0.07);
    ctx.bezierCurveTo(cx + fw * 0.6, hairTop - fh * 0.07, cx + fw * 0.7, cy, cx + fw * 0.62, cy + fh * 0.4);
    ctx.quadraticCurveTo(cx + fw * 0.55, cy + fh * 0.46, cx + fw * 0.44, cy + fh * 0.4);
    ctx.bezierCurveTo(cx + fw * 0.5, cy + fh * 0.1, cx + fw * 0.48, cy - fh * 0.15, cx + fw * 0.42, cy - fh * 0.2);
    // Side-swept fringe: soft scallops of hair, longer toward the right.
    let px = cx + fw * 0.42;
    let py = cy - fh * 0.16;
    for (let k = 1; k <= 7; k++) {
      const t = k / 7;
      const x = cx + fw * (0.42 - t * 0.8);
      const y = cy - fh * (0.16 + t * 0.1 + rng.range(-0.01, 0.01));
      ctx.quadraticCurveTo((px + x) / 2, Math.max(py, y) + fh * 0.025, x, y);
      px = x;
      py = y;
    }
    ctx.bezierCurveTo(cx - fw * 0.46, cy - fh * 0.2, cx - fw * 0.5, cy + fh * 0.1, cx - fw * 0.46, cy + fh * 0.4);
    ctx.quadraticCurveTo(cx - fw * 0.56, cy + fh * 0.46, cx - fw * 0.64, cy + fh * 0.4);
    ctx.bezierCurveTo(cx - fw * 0.72, cy, cx - fw * 0.6, hairTop - fh * 0.07, cx, hairTop - fh * 0.07);
    ctx.closePath();
    const hg = ctx.createLinearGradient(0, hairTop, 0, cy + fh * 0.45);
    hg.addColorStop(0, css(mix(hairC, hairLight, 0.5)));
    hg.addColorStop(1, css(hairDark));
    ctx.fillStyle = hg;
    ctx.fill();
    ctx.save();
    ctx.clip();
    strands(ctx, rng, 1400, () => [cx + rng.range(-fw * 0.7, fw * 0.7), rng.range(hairTop - fh * 0.1, cy + fh * 0.45)],
      (x, y) => (y < cy - fh * 0.2 ? Math.PI / 2 + (x - cx) / fw * 1.2 : Math.PI / 2 + (x < cx ? 0.15 : -0.15)),
      [14, 34], [hairLight, hairDark, hairC], 1.1, 0.5);
    ctx.restore();
  }
  // Glasses: rounded rectangles, bridge, arms to the ears, a glint.
  if (s.glasses) {
    ctx.strokeStyle = css(s.glasses);
    ctx.lineWidth = 6;
    const gw = fw * 0.3;
    const gh = fh * 0.13;
    for (const sd of [-1, 1]) {
      const gx = cx + sd * fw * 0.21;
      ctx.beginPath();
      ctx.roundRect(gx - gw / 2, eyeY - gh * 0.55, gw, gh, gh * 0.35);
      ctx.fillStyle = 'rgba(200,220,230,0.08)';
      ctx.fill();
      ctx.stroke();
      ctx.beginPath();
      ctx.moveTo(gx + (sd * gw) / 2, eyeY - gh * 0.3);
      ctx.lineTo(cx + sd * fw * 0.49, eyeY - gh * 0.1);
      ctx.stroke();
      softSpot(ctx, gx - gw * 0.2, eyeY - gh * 0.25, gw * 0.25, gh * 0.15, [255, 255, 255], 0.25);
    }
    ctx.beginPath();
    ctx.moveTo(cx - fw * 0.06, eyeY - gh * 0.25);
    ctx.quadraticCurveTo(cx, eyeY - gh * 0.45, cx + fw * 0.06, eyeY - gh * 0.25);
    ctx.stroke();
  }
  ctx.restore();
}

function renderPortrait(name: string): Buffer {
  const rng = new Rng(`portrait/${name}`);
  const { canvas, ctx } = newCanvas(PORTRAIT_W, PORTRAIT_H);
  drawPortrait(ctx, rng, PORTRAIT_W, PORTRAIT_H, SITTERS[name]!);
  return finishPhoto(canvas, rng, { soften: 0.9, vignette: 0.3, grain: 5 }).encodeSync('jpeg', JPEG_QUALITY);
}

// ---------------------------------------------------------------------------
// Fonts: the @fontsource WOFF files, registered with GlobalFonts
// ---------------------------------------------------------------------------

const FONT_DIR = join(ROOT, 'node_modules', '@fontsource');
let fontsReady = false;
/** The paper's body face, as in the PDF pages. */
const BODY = 'Old Standard TT';

const FONT_PACKAGES: Array<[pkg: string, family: string]> = [
  ['playfair-display', 'Playfair Display'],
  ['libre-franklin', 'Libre Franklin'],
  ['old-standard-tt', 'Old Standard TT'],
  ['unifrakturmaguntia', 'UnifrakturMaguntia'],
];

/** Register every Latin-subset .woff of the font packages that are installed. */
function registerFonts(): void {
  if (fontsReady) return;
  for (const [pkg, family] of FONT_PACKAGES) {
    const dir = join(FONT_DIR, pkg, 'files');
    if (!existsSync(dir)) continue;
    const files = readdirSync(dir)
      .filter((f) => f.startsWith(`${pkg}-latin-`) && !f.includes('-latin-ext-') && f.endsWith('.woff'))
      .sort();
    for (const f of files) {
      const path = join(dir, f);
      // @napi-rs/canvas (Skia) reads WOFF directly.
      const key = GlobalFonts.registerFromPath(path, family);
      if (!key) throw new Error(`could not register font ${path}`);
    }
  }
  for (const family of ['Playfair Display', 'Libre Franklin', 'UnifrakturMaguntia', BODY]) {
    if (!GlobalFonts.has(family)) throw new Error(`font family ${family} is not installed`);
  }
  fontsReady = true;
}

// ---------------------------------------------------------------------------
// Chart: container volumes bar chart, in the paper's graphics style
// ---------------------------------------------------------------------------

const ACCENT_BLUE = '#1d3a5f';
const ACCENT_RED = '#a4262c';

function sceneChart(ctx: Ctx, rng: Rng, W: number, H: number): void {
  registerFonts();
  ctx.fillStyle = '#f7f4ee';
  ctx.fillRect(0, 0, W, H);
  const left = 70;
  const right = W - 60;
  // Data: ten full years and this year's estimate, with the 2020 slump.
  const years = Array.from({ length: 11 }, (_, i) => 2015 + i);
  let v = rng.range(380, 470);
  const values = years.map((y) => {
    v *= 1 + rng.range(-0.02, 0.09);
    if (y === 2020) v *= rng.range(0.8, 0.88);
    if (y === 2021) v *= rng.range(1.1, 1.18);
    return Math.round(v);
  });
  const max = Math.max(...values);
  const step = max > 700 ? 200 : 100;
  const top = Math.ceil((max * 1.08) / step) * step;

  // Headline, standfirst.
  ctx.fillStyle = '#111';
  ctx.textBaseline = 'alphabetic';
  ctx.font = '800 40px "Libre Franklin"';
  ctx.fillText('Container volumes, TEU thousands', left, 78);
  ctx.font = `400 23px "${BODY}"`;
  ctx.fillStyle = '#444';
  ctx.fillText('Boxes handled at Port Ellery\u2019s Gannet Quay terminal, by year', left, 114);
  ctx.fillStyle = ACCENT_RED;
  ctx.fillRect(left, 30, 60, 6);

  const chartTop = 170;
  const chartBottom = H - 120;
  const plotLeft = left + 60;
  const yOf = (val: number) => chartBottom - (val / top) * (chartBottom - chartTop);
  // Gridlines and value axis.
  ctx.font = '400 19px "Libre Franklin"';
  ctx.textAlign = 'right';
  for (let g = 0; g <= top; g += step) {
    const y = Math.round(yOf(g)) + 0.5;
    ctx.strokeStyle = g === 0 ? '#111' : '#d6d0c4';
    ctx.lineWidth = g === 0 ? 2 : 1;
    ctx.beginPath();
    ctx.moveTo(plotLeft, y);
    ctx.lineTo(right, y);
    ctx.stroke();
    ctx.fillStyle = '#555';
    ctx.fillText(String(g), plotLeft - 12, y + 6);
  }
  // Bars.
  const n = years.length;
  const slot = (right - plotLeft) / n;
  const barW = slot * 0.64;
  years.forEach((year, i) => {
    const x = plotLeft + i * slot + (slot - barW) / 2;
    const y = yOf(values[i]!);
    const estimate = i === n - 1;
    ctx.fillStyle = estimate ? ACCENT_RED : ACCENT_BLUE;
    ctx.fillRect(x, y, barW, chartBottom - y);
    if (estimate) {
      // Hatching marks the estimate.
      ctx.save();
      ctx.beginPath();
      ctx.rect(x, y, barW, chartBottom - y);
      ctx.clip();
      ctx.strokeStyle = 'rgba(255,255,255,0.35)';
      ctx.lineWidth = 3;
      for (let k = -barW; k < chartBottom - y + barW; k += 12) {
        ctx.beginPath();
        ctx.moveTo(x, y + k);
        ctx.lineTo(x + barW, y + k - barW);
        ctx.stroke();
      }
      ctx.restore();
    }
    ctx.textAlign = 'center';
    ctx.fillStyle = '#111';
    ctx.font = '700 19px "Libre Franklin"';
    ctx.fillText(String(values[i]), x + barW / 2, y - 10);
    ctx.font = '400 19px "Libre Franklin"';
    ctx.fillStyle = '#333';
    ctx.fillText(estimate ? `${year}*` : String(year), x + barW / 2, chartBottom + 30);
  });
  // Annotation on the slump.
  const i2020 = years.indexOf(2020);
  const ax = plotLeft + i2020 * slot + slot / 2;
  // Set the note above the taller neighbouring bars, with a leader line down.
  const labelTop = yOf(values[i2020]!) - 34;
  const ay = Math.min(yOf(values[i2020 - 1]!), yOf(values[i2020 + 1]!), labelTop) - 44;
  ctx.font = `italic 400 18px "${BODY}"`;
  ctx.fillStyle = '#333';
  ctx.textAlign = 'center';
  ctx.fillText('Pandemic slump', ax, ay);
  ctx.strokeStyle = '#333';
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(ax + 0.5, ay + 6);
  ctx.lineTo(ax + 0.5, labelTop);
  ctx.stroke();
  // Footer.
  ctx.textAlign = 'left';
  ctx.font = `400 17px "${BODY}"`;
  ctx.fillStyle = '#555';
  ctx.fillText('*2025 estimate from January\u2013October figures.  Source: Port Ellery Harbor Authority', left, H - 40);
  ctx.textAlign = 'right';
  ctx.font = '700 15px "Libre Franklin"';
  ctx.fillStyle = '#111';
  ctx.fillText('THE ELLERY COURIER', right, H - 40);
  ctx.textAlign = 'left';
}

// ---------------------------------------------------------------------------
// House adverts: black, white and one accent colour, real type
// ---------------------------------------------------------------------------

interface TextStyle {
  /** 'body' is the body serif (see BODY). */
  family: 'Playfair Display' | 'Libre Franklin' | 'body' | 'UnifrakturMaguntia';
  weight: number;
  size: number;
  italic?: boolean;
  colour?: string;
  leading?: number; // line height as a multiple of size
  tracking?: number; // letter spacing in px
  align?: 'left' | 'center' | 'right';
}

function setFont(ctx: Ctx, st: TextStyle): void {
  const family = st.family === 'body' ? BODY : st.family;
  ctx.font = `${st.italic ? 'italic ' : ''}${st.weight} ${st.size}px "${family}"`;
  ctx.letterSpacing = `${st.tracking ?? 0}px`;
  ctx.fillStyle = st.colour ?? '#111';
  ctx.textBaseline = 'alphabetic';
}

/** Greedy word wrap to a width, measured with the current font. */
function wrapText(ctx: Ctx, text: string, maxW: number): string[] {
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(/\s+/).filter(Boolean)) {
      const trial = line ? `${line} ${word}` : word;
      if (ctx.measureText(trial).width <= maxW || !line) line = trial;
      else {
        lines.push(line);
        line = word;
      }
    }
    lines.push(line);
  }
  return lines;
}

/**
 * Shrink a style until the text wraps into at most `maxLines` lines, none
 * wider than maxW (a single long word can force this).
 */
function fitStyle(ctx: Ctx, text: string, st: TextStyle, maxW: number, maxLines: number, minSize = 10): TextStyle {
  let size = st.size;
  for (;;) {
    const trial = { ...st, size };
    setFont(ctx, trial);
    const lines = wrapText(ctx, text, maxW);
    const widest = Math.max(...lines.map((l) => ctx.measureText(l).width));
    if ((lines.length <= maxLines && widest <= maxW) || size <= minSize) return trial;
    size -= 1;
  }
}

/** Draw wrapped text with its first baseline at y + size; returns the y below it. */
function textBlock(ctx: Ctx, text: string, x: number, y: number, maxW: number, st: TextStyle): number {
  setFont(ctx, st);
  const lh = st.size * (st.leading ?? 1.2);
  const lines = wrapText(ctx, text, maxW);
  ctx.textAlign = st.align ?? 'left';
  const ax = st.align === 'center' ? x + maxW / 2 : st.align === 'right' ? x + maxW : x;
  lines.forEach((line, i) => {
    const w = ctx.measureText(line).width;
    if (w > maxW + 0.5) throw new Error(`advert text overflows (${Math.round(w)} > ${maxW}): "${line}"`);
    ctx.fillText(line, ax, y + st.size + i * lh);
  });
  ctx.textAlign = 'left';
  return y + st.size + (lines.length - 1) * lh + st.size * 0.35;
}

/** White ground, a thin black border and a hairline inside it. */
function adFrame(ctx: Ctx, w: number, h: number): void {
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, w, h);
  ctx.strokeStyle = '#111';
  ctx.lineWidth = 4;
  ctx.strokeRect(2, 2, w - 4, h - 4);
  ctx.lineWidth = 1;
  ctx.strokeRect(11.5, 11.5, w - 23, h - 23);
}

function rule(ctx: Ctx, x: number, y: number, w: number, thick = 2, colour = '#111'): void {
  ctx.fillStyle = colour;
  ctx.fillRect(x, y, w, thick);
}

/** Refuse to write an advert whose content ran past the bottom margin. */
function checkFits(name: string, y: number, limit: number): void {
  if (y > limit) throw new Error(`${name}: content ends at ${Math.round(y)}, past ${limit}`);
}

// --- Emblems ---------------------------------------------------------------

/** A folded newspaper on a doormat beside a tablet showing the e-paper. */
function emblemDoorstep(ctx: Ctx, x: number, y: number, w: number, h: number, accent: string): void {
  ctx.save();
  ctx.lineJoin = 'round';
  // Doormat.
  ctx.fillStyle = accent;
  ctx.beginPath();
  ctx.moveTo(x + w * 0.02, y + h * 0.95);
  ctx.lineTo(x + w * 0.62, y + h * 0.95);
  ctx.lineTo(x + w * 0.56, y + h * 0.72);
  ctx.lineTo(x + w * 0.08, y + h * 0.72);
  ctx.closePath();
  ctx.fill();
  // Folded paper lying on the mat, with its nameplate and columns.
  ctx.fillStyle = '#fff';
  ctx.strokeStyle = '#111';
  ctx.lineWidth = 3;
  ctx.beginPath();
  ctx.moveTo(x + w * 0.14, y + h * 0.86);
  ctx.lineTo(x + w * 0.5, y + h * 0.86);
  ctx.lineTo(x + w * 0.46, y + h * 0.52);
  ctx.lineTo(x + w * 0.18, y + h * 0.52);
  ctx.closePath();
  ctx.fill();
  ctx.stroke();
  ctx.fillStyle = '#111';
  ctx.fillRect(x + w * 0.22, y + h * 0.57, w * 0.2, h * 0.035);
  ctx.lineWidth = 2;
  for (let i = 0; i < 5; i++) {
    const ly = y + h * (0.65 + i * 0.04);
    ctx.beginPath();
    ctx.moveTo(x + w * (0.2 - i * 0.003), ly);
    ctx.lineTo(x + w * (0.3 - i * 0.003), ly);
    ctx.moveTo(x + w * (0.33 - i * 0.003), ly);
    ctx.lineTo(x + w * (0.44 + i * 0.003), ly);
    ctx.stroke();
  }
  // Tablet standing to the right, showing a page.
  const tx = x + w * 0.64;
  const ty = y + h * 0.08;
  const tw = w * 0.34;
  const th = h * 0.86;
  ctx.fillStyle = '#111';
  ctx.beginPath();
  ctx.roundRect(tx, ty, tw, th, 14);
  ctx.fill();
  ctx.fillStyle = '#fff';
  ctx.fillRect(tx + tw * 0.08, ty + th * 0.06, tw * 0.84, th * 0.86);
  ctx.fillStyle = '#111';
  ctx.fillRect(tx + tw * 0.16, ty + th * 0.1, tw * 0.68, th * 0.05);
  ctx.fillStyle = accent;
  ctx.fillRect(tx + tw * 0.16, ty + th * 0.2, tw * 0.68, th * 0.28);
  ctx.fillStyle = '#111';
  for (let i = 0; i < 6; i++) {
    ctx.fillRect(tx + tw * 0.16, ty + th * (0.53 + i * 0.055), tw * (i % 3 === 2 ? 0.45 : 0.68), 3);
  }
  ctx.beginPath();
  ctx.arc(tx + tw / 2, ty + th * 0.965, 4, 0, Math.PI * 2);
  ctx.fillStyle = '#fff';
  ctx.fill();
  ctx.restore();
}

/** A car ferry in profile on three lines of waves. */
function emblemFerry(ctx: Ctx, x: number, y: number, w: number, h: number, accent: string): void {
  ctx.save();
  ctx.lineJoin = 'round';
  const wl = y + h * 0.72;
  // Hull.
  ctx.fillStyle = '#111';
  ctx.beginPath();
  ctx.moveTo(x + w * 0.04, wl - h * 0.2);
  ctx.lineTo(x + w * 0.96, wl - h * 0.2);
  ctx.lineTo(x + w * 0.9, wl);
  ctx.lineTo(x + w * 0.1, wl);
  ctx.closePath();
  ctx.fill();
  ctx.fillStyle = accent;
  ctx.fillRect(x + w * 0.07, wl - h * 0.15, w * 0.86, h * 0.04);
  // Decks.
  ctx.strokeStyle = '#111';
  ctx.lineWidth = 3;
  ctx.fillStyle = '#fff';
  const deck = (x0: number, x1: number, y0: number, y1: number, windows: number) => {
    ctx.fillStyle = '#fff';
    ctx.fillRect(x + w * x0, y + h * y0, w * (x1 - x0), h * (y1 - y0));
    ctx.strokeRect(x + w * x0, y + h * y0, w * (x1 - x0), h * (y1 - y0));
    ctx.fillStyle = '#111';
    const ww = (w * (x1 - x0)) / (windows * 1.6);
    for (let i = 0; i < windows; i++) {
      ctx.fillRect(x + w * x0 + ww * 0.5 + i * ww * 1.6, y + h * (y0 + (y1 - y0) * 0.3), ww, h * (y1 - y0) * 0.4);
    }
  };
  deck(0.12, 0.88, 0.38, 0.52, 12);
  deck(0.22, 0.76, 0.26, 0.38, 9);
  deck(0.5, 0.7, 0.16, 0.26, 4);
  // Funnel.
  ctx.fillStyle = '#111';
  ctx.fillRect(x + w * 0.3, y + h * 0.08, w * 0.07, h * 0.18);
  ctx.fillStyle = accent;
  ctx.fillRect(x + w * 0.3, y + h * 0.12, w * 0.07, h * 0.05);
  // Waves.
  ctx.strokeStyle = accent;
  ctx.lineWidth = 4;
  for (let r = 0; r < 3; r++) {
    ctx.beginPath();
    const yy = wl + h * (0.06 + r * 0.09);
    for (let i = 0; i <= 40; i++) {
      const xx = x + (w * i) / 40;
      const py = yy + Math.sin(i * 0.9 + r) * h * 0.02;
      if (i === 0) ctx.moveTo(xx, py);
      else ctx.lineTo(xx, py);
    }
    ctx.stroke();
  }
  ctx.restore();
}

/** A small crossword grid, rotationally symmetric, with clue numbers. */
function emblemCrossword(ctx: Ctx, x: number, y: number, size: number, accent: string): void {
  const n = 9;
  const cell = size / n;
  const rng = new Rng('crossword-grid');
  const black = new Set<number>();
  for (let i = 0; i < 14; i++) {
    const r = rng.int(0, n - 1);
    const c = rng.int(0, n - 1);
    if ((r + c) % 2 === 0 || r === 4 || c === 4) continue;
    black.add(r * n + c);
    black.add((n - 1 - r) * n + (n - 1 - c));
  }
  ctx.fillStyle = '#fff';
  ctx.fillRect(x, y, size, size);
  ctx.font = `600 ${Math.round(cell * 0.26)}px "Libre Franklin"`;
  ctx.letterSpacing = '0px';
  ctx.textBaseline = 'top';
  let num = 1;
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      const isBlack = black.has(r * n + c);
      if (isBlack) {
        ctx.fillStyle = '#111';
        ctx.fillRect(x + c * cell, y + r * cell, cell, cell);
        continue;
      }
      const startsAcross = (c === 0 || black.has(r * n + c - 1)) && c < n - 1 && !black.has(r * n + c + 1);
      const startsDown = (r === 0 || black.has((r - 1) * n + c)) && r < n - 1 && !black.has((r + 1) * n + c);
      if (startsAcross || startsDown) {
        ctx.fillStyle = '#111';
        ctx.fillText(String(num++), x + c * cell + 3, y + r * cell + 2);
      }
    }
  }
  // A few letters already pencilled in, in the accent colour.
  ctx.fillStyle = accent;
  ctx.font = `700 ${Math.round(cell * 0.6)}px "Libre Franklin"`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  const word = 'COURIER';
  for (let i = 0; i < word.length; i++) {
    if (!black.has(4 * n + i + 1)) ctx.fillText(word[i]!, x + (i + 1.5) * cell, y + 4.58 * cell);
  }
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
  ctx.strokeStyle = '#111';
  ctx.lineWidth = 1.5;
  for (let i = 0; i <= n; i++) {
    ctx.beginPath();
    ctx.moveTo(x + i * cell, y);
    ctx.lineTo(x + i * cell, y + size);
    ctx.moveTo(x, y + i * cell);
    ctx.lineTo(x + size, y + i * cell);
    ctx.stroke();
  }
  ctx.lineWidth = 4;
  ctx.strokeRect(x, y, size, size);
}

/** Sun rising over waves, with an envelope: the morning newsletter. */
function emblemMorningTide(ctx: Ctx, x: number, y: number, w: number, h: number, accent: string): void {
  ctx.save();
  const horizon = y + h * 0.55;
  ctx.strokeStyle = '#111';
  ctx.lineWidth = 3;
  // Sun and rays.
  ctx.fillStyle = accent;
  ctx.beginPath();
  ctx.arc(x + w / 2, horizon, w * 0.22, Math.PI, 0);
  ctx.fill();
  for (let i = 0; i <= 8; i++) {
    const a = Math.PI + (i / 8) * Math.PI;
    ctx.beginPath();
    ctx.moveTo(x + w / 2 + Math.cos(a) * w * 0.27, horizon + Math.sin(a) * w * 0.27);
    ctx.lineTo(x + w / 2 + Math.cos(a) * w * 0.36, horizon + Math.sin(a) * w * 0.36);
    ctx.stroke();
  }
  // Waves.
  ctx.lineWidth = 4;
  for (let r = 0; r < 3; r++) {
    ctx.beginPath();
    const yy = horizon + h * (0.04 + r * 0.1);
    for (let i = 0; i <= 40; i++) {
      const xx = x + w * 0.05 + (w * 0.9 * i) / 40;
      const py = yy + Math.sin(i * 0.8 + r * 1.3) * h * 0.025;
      if (i === 0) ctx.moveTo(xx, py);
      else ctx.lineTo(xx, py);
    }
    ctx.stroke();
  }
  // Envelope in front of the sun.
  const ew = w * 0.34;
  const eh = ew * 0.62;
  const ex = x + w / 2 - ew / 2;
  const ey = horizon - eh * 0.92;
  ctx.fillStyle = '#fff';
  ctx.fillRect(ex, ey, ew, eh);
  ctx.lineWidth = 3;
  ctx.strokeRect(ex, ey, ew, eh);
  ctx.beginPath();
  ctx.moveTo(ex, ey);
  ctx.lineTo(ex + ew / 2, ey + eh * 0.55);
  ctx.lineTo(ex + ew, ey);
  ctx.stroke();
  ctx.restore();
}

/** A stack of bound volumes and a magnifying glass: the archive. */
function emblemArchive(ctx: Ctx, x: number, y: number, w: number, h: number, accent: string): void {
  ctx.save();
  const books = 6;
  const bh = (h * 0.62) / books;
  for (let i = 0; i < books; i++) {
    const bw = w * (0.78 - (i % 2) * 0.06);
    const bx = x + w * 0.04 + (i % 3) * w * 0.03;
    const by = y + h * 0.95 - (i + 1) * bh;
    ctx.fillStyle = i % 2 === 0 ? '#111' : accent;
    ctx.fillRect(bx, by, bw, bh - 3);
    ctx.fillStyle = '#fff';
    ctx.fillRect(bx + bw * 0.08, by + bh * 0.3, bw * 0.22, bh * 0.3);
    ctx.fillRect(bx + bw * 0.84, by + 2, 3, bh - 7);
  }
  // Magnifying glass over the top volume.
  const gx = x + w * 0.66;
  const gy = y + h * 0.24;
  const gr = w * 0.18;
  ctx.strokeStyle = '#111';
  ctx.lineWidth = w * 0.04;
  ctx.beginPath();
  ctx.moveTo(gx + gr * 0.7, gy + gr * 0.7);
  ctx.lineTo(gx + gr * 1.55, gy + gr * 1.55);
  ctx.stroke();
  ctx.fillStyle = 'rgba(255,255,255,0.92)';
  ctx.beginPath();
  ctx.arc(gx, gy, gr, 0, Math.PI * 2);
  ctx.fill();
  ctx.lineWidth = w * 0.025;
  ctx.stroke();
  ctx.fillStyle = '#111';
  ctx.font = `400 ${Math.round(gr * 0.62)}px "UnifrakturMaguntia"`;
  ctx.letterSpacing = '0px';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText('1874', gx, gy + gr * 0.05);
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
  ctx.restore();
}

// --- The five adverts ---------------------------------------------------------

/**
 * Each advert lays itself out top to bottom. It is drawn twice: once with
 * gap = 0 to measure where the content ends, then with the leftover height
 * shared out between its `gaps` flexible spaces, so the box is evenly filled.
 */
type AdLayout = (ctx: Ctx, w: number, h: number, gap: number) => { end: number; gaps: number };

const adSubscribe: AdLayout = (ctx, w, h, g) => {
  const accent = ACCENT_BLUE;
  adFrame(ctx, w, h);
  const pad = 48;
  const cw = w - pad * 2;
  let y = 40;
  y = textBlock(ctx, 'The Ellery Courier', pad, y, cw, fitStyle(ctx, 'The Ellery Courier', { family: 'UnifrakturMaguntia', weight: 400, size: 66, align: 'center' }, cw, 1));
  y = textBlock(ctx, 'Serving Port Ellery and the Sound since 1874', pad, y - 6, cw, { family: 'body', weight: 400, size: 19, italic: true, align: 'center', colour: '#333' });
  rule(ctx, pad, y + 6, cw, 3);
  rule(ctx, pad, y + 13, cw, 1);
  y += 40 + g;
  emblemDoorstep(ctx, pad + cw * 0.12, y, cw * 0.76, 250, accent);
  y += 270 + g;
  const head = 'Subscribe to The Ellery Courier';
  y = textBlock(ctx, head, pad, y, cw, fitStyle(ctx, head, { family: 'Playfair Display', weight: 900, size: 62, leading: 1.08, align: 'center' }, cw, 2));
  const sub = 'Every morning on your doorstep and on every screen.';
  y = textBlock(ctx, sub, pad, y + 6, cw, fitStyle(ctx, sub, { family: 'body', weight: 400, size: 31, italic: true, leading: 1.25, align: 'center', colour: '#222' }, cw, 2));
  y = textBlock(ctx, 'Home delivery by 6 a.m., seven days a week, with the e-paper, the app and the full archive included.', pad + 20, y + 8, cw - 40, { family: 'body', weight: 400, size: 22, leading: 1.35, align: 'center', colour: '#333' });
  // Price panel.
  const boxY = y + 20 + g;
  const boxH = 170;
  ctx.fillStyle = accent;
  ctx.fillRect(pad, boxY, cw, boxH);
  let by = textBlock(ctx, '$29 a month', pad, boxY + 18, cw, { family: 'Libre Franklin', weight: 900, size: 58, align: 'center', colour: '#fff' });
  by = textBlock(ctx, 'Print + digital. Digital only $12 a month.', pad, by - 4, cw, { family: 'Libre Franklin', weight: 600, size: 22, align: 'center', colour: '#fff' });
  textBlock(ctx, 'First month free \u2014 cancel any time.', pad, by - 2, cw, { family: 'body', weight: 400, size: 20, italic: true, align: 'center', colour: '#dfe6ef' });
  y = boxY + boxH + 14 + g;
  y = textBlock(ctx, 'Call 555-0187', pad, y, cw, { family: 'Libre Franklin', weight: 800, size: 40, align: 'center' });
  y = textBlock(ctx, 'Weekdays 8 a.m.\u20136 p.m., or visit us at 12 Quay Street', pad, y - 4, cw, { family: 'body', weight: 400, size: 20, align: 'center', colour: '#333' });
  return { end: y, gaps: 5 };
};

const adCrossword: AdLayout = (ctx, w, h, g) => {
  const accent = ACCENT_RED;
  adFrame(ctx, w, h);
  const pad = 44;
  let y = 36;
  y = textBlock(ctx, 'PUZZLES', pad, y, w - pad * 2, { family: 'Libre Franklin', weight: 800, size: 22, tracking: 5, colour: accent });
  const head = 'The Daily Crossword';
  y = textBlock(ctx, head, pad, y - 4, w - pad * 2, fitStyle(ctx, head, { family: 'Playfair Display', weight: 900, size: 76, leading: 1.05 }, w - pad * 2, 1));
  rule(ctx, pad, y + 2, w - pad * 2, 3);
  y += 26 + g;
  const grid = 410;
  emblemCrossword(ctx, pad + 4, y, grid, accent);
  const tx = pad + grid + 40;
  const tw = w - tx - pad;
  let ty = y - 4;
  ty = textBlock(ctx, 'Fifteen minutes, one pencil, no mercy.', tx, ty, tw, { family: 'body', weight: 700, size: 30, italic: true, leading: 1.2 });
  ty = textBlock(ctx, 'A fresh puzzle every morning, set in Port Ellery. Easy on Monday, fiendish by Saturday, with yesterday\u2019s answers alongside.', tx, ty + 8, tw, { family: 'body', weight: 400, size: 22, leading: 1.35, colour: '#222' });
  ty = textBlock(ctx, 'Solve it in print, or on screen in the e-paper.', tx, ty + 8, tw, { family: 'body', weight: 400, size: 22, leading: 1.35, colour: '#222' });
  y = Math.max(ty, y + grid) + 18 + g;
  // Full-width band along the foot.
  ctx.fillStyle = accent;
  ctx.fillRect(pad, y, w - pad * 2, 62);
  const band = 'Every day in The Ellery Courier';
  textBlock(ctx, band, pad, y + 10, w - pad * 2, fitStyle(ctx, band, { family: 'Libre Franklin', weight: 800, size: 30, align: 'center', colour: '#fff' }, w - pad * 2 - 30, 1));
  return { end: y + 62, gaps: 2 };
};

const adFerryTimetable: AdLayout = (ctx, w, h, g) => {
  const accent = ACCENT_BLUE;
  adFrame(ctx, w, h);
  const pad = 48;
  const cw = w - pad * 2;
  let y = 40;
  y = textBlock(ctx, 'KESTREL ISLAND FERRY', pad, y, cw, fitStyle(ctx, 'KESTREL ISLAND FERRY', { family: 'Libre Franklin', weight: 800, size: 28, tracking: 4, align: 'center', colour: accent }, cw, 1));
  y = textBlock(ctx, 'Winter timetable', pad, y + 2, cw, fitStyle(ctx, 'Winter timetable', { family: 'Playfair Display', weight: 900, size: 72, align: 'center', leading: 1.05 }, cw, 2));
  y = textBlock(ctx, 'Sailings from Sunday 9 November to Saturday 14 March', pad, y, cw, { family: 'body', weight: 400, size: 22, italic: true, align: 'center', colour: '#333' });
  y += 10 + g;
  emblemFerry(ctx, pad + cw * 0.06, y, cw * 0.88, 200, accent);
  y += 214 + g;
  // Departures table.
  const cols: Array<[string, string[]]> = [
    ['Port Ellery', ['06:40', '08:10', '09:45', '12:15', '15:30', '17:20', '19:05', '22:10']],
    ['Kestrel Island', ['07:25', '08:55', '10:40', '13:20', '16:15', '18:05', '20:00', '22:50']],
  ];
  const colW = cw / 2;
  rule(ctx, pad, y, cw, 3);
  cols.forEach(([label], i) => {
    textBlock(ctx, `Leaves ${label}`, pad + i * colW, y + 8, colW, { family: 'Libre Franklin', weight: 700, size: 21, align: 'center' });
  });
  y += 50;
  rule(ctx, pad, y, cw, 1);
  const rowH = 40 + g / 8;
  const rows = cols[0]![1].length;
  for (let r = 0; r < rows; r++) {
    if (r % 2 === 1) {
      ctx.fillStyle = '#e9eef4';
      ctx.fillRect(pad, y + r * rowH, cw, rowH);
    }
    cols.forEach(([, times], i) => {
      textBlock(ctx, times[r]!, pad + i * colW, y + r * rowH + (rowH - 24) / 2 - 6, colW, { family: 'Libre Franklin', weight: 600, size: 24, align: 'center' });
    });
  }
  y += rows * rowH;
  rule(ctx, pad, y, cw, 3);
  y = textBlock(ctx, 'Crossing 40 minutes. The vehicle deck closes 10 minutes before departure; sailings may be cancelled in gales.', pad, y + 12, cw, { family: 'body', weight: 400, size: 20, leading: 1.35, align: 'center', colour: '#333' });
  y += g;
  ctx.fillStyle = accent;
  ctx.fillRect(pad, y + 10, cw, 74);
  const band = 'Pull-out timetable free with Saturday\u2019s Courier';
  textBlock(ctx, band, pad + 16, y + 17, cw - 32, fitStyle(ctx, band, { family: 'Libre Franklin', weight: 800, size: 24, align: 'center', colour: '#fff', leading: 1.15 }, cw - 32, 2));
  return { end: y + 84, gaps: 4 };
};

const adNewsletter: AdLayout = (ctx, w, h, g) => {
  const accent = ACCENT_BLUE;
  adFrame(ctx, w, h);
  const pad = 44;
  const cw = w - pad * 2;
  let y = 34;
  y = textBlock(ctx, 'FREE NEWSLETTER', pad, y, cw, { family: 'Libre Franklin', weight: 800, size: 22, tracking: 5, align: 'center', colour: accent });
  y = textBlock(ctx, 'The Morning Tide', pad, y - 4, cw, fitStyle(ctx, 'The Morning Tide', { family: 'Playfair Display', weight: 700, size: 84, italic: true, align: 'center' }, cw, 1));
  rule(ctx, pad + cw * 0.3, y + 2, cw * 0.4, 3, accent);
  y += 22 + g;
  const emH = 250;
  emblemMorningTide(ctx, pad + cw * 0.28, y, cw * 0.44, emH, accent);
  y += emH + 6 + g;
  y = textBlock(ctx, 'Port Ellery\u2019s news before your coffee: the five stories that matter today, the weather, the tides and the ferry times, in your inbox at 6 a.m.', pad + 20, y, cw - 40, { family: 'body', weight: 400, size: 25, leading: 1.35, align: 'center', colour: '#222' });
  y += g;
  ctx.fillStyle = accent;
  ctx.fillRect(pad + cw * 0.1, y + 10, cw * 0.8, 66);
  const cta = 'Sign up free: text TIDE to 555-0142';
  textBlock(ctx, cta, pad + cw * 0.1, y + 19, cw * 0.8, fitStyle(ctx, cta, { family: 'Libre Franklin', weight: 800, size: 30, align: 'center', colour: '#fff' }, cw * 0.8 - 30, 1));
  return { end: y + 76, gaps: 4 };
};

const adArchive: AdLayout = (ctx, w, h, g) => {
  const accent = ACCENT_RED;
  adFrame(ctx, w, h);
  const pad = 48;
  emblemArchive(ctx, pad + 10, 60, 330, 470, accent);
  const tx = pad + 390;
  const tw = w - tx - pad;
  let y = 40 + g;
  y = textBlock(ctx, 'THE COURIER ARCHIVE', tx, y, tw, { family: 'Libre Franklin', weight: 800, size: 24, tracking: 5, colour: accent });
  const head = '150 years of the Courier: search the archive';
  y = textBlock(ctx, head, tx, y - 2, tw, fitStyle(ctx, head, { family: 'Playfair Display', weight: 900, size: 70, leading: 1.05 }, tw, 2));
  rule(ctx, tx, y + 4, tw, 3);
  y += 22 + g;
  y = textBlock(ctx, 'Every edition since 1874 \u2014 every flood, ferry launch, shipyard strike and council row \u2014 scanned page by page and searchable by name, street or date.', tx, y, tw, { family: 'body', weight: 400, size: 27, leading: 1.35, colour: '#222' });
  y = textBlock(ctx, 'Free for subscribers. Look up your family, your house, your team.', tx, y + 4, tw, { family: 'body', weight: 700, size: 26, italic: true, leading: 1.35, colour: '#111' });
  y += g;
  ctx.fillStyle = accent;
  ctx.fillRect(tx, y + 12, tw, 64);
  const cta = 'In the e-paper: open the menu and choose \u201cArchive\u201d';
  textBlock(ctx, cta, tx + 20, y + 21, tw - 40, fitStyle(ctx, cta, { family: 'Libre Franklin', weight: 800, size: 29, colour: '#fff' }, tw - 40, 1));
  return { end: y + 76, gaps: 4 };
};

const ADVERTS: Array<[name: string, w: number, h: number, layout: AdLayout]> = [
  ['subscribe', 700, 1120, adSubscribe],
  ['ferry-timetable', 700, 1120, adFerryTimetable],
  ['crossword', 900, 760, adCrossword],
  ['newsletter', 900, 760, adNewsletter],
  ['archive', 1400, 600, adArchive],
];

function renderAdvert(name: string, w: number, h: number, layout: AdLayout): Buffer {
  registerFonts();
  const bottom = h - 40; // keep clear of the border
  const probe = newCanvas(w, h);
  const first = layout(probe.ctx, w, h, 0);
  if (first.end > bottom) throw new Error(`${name}: content ends at ${Math.round(first.end)}, past ${bottom}`);
  const gap = Math.min(40, (bottom - first.end) / first.gaps);
  const { ctx } = newCanvas(w, h);
  const done = layout(ctx, w, h, gap);
  checkFits(name, done.end, bottom + 0.5);
  return opaquePng(ctx.getImageData(0, 0, w, h).data, w, h);
}

/**
 * Adverts are opaque: written as RGB rather than the canvas's RGBA, a PNG
 * goes into the PDF as it is, without being decoded and compressed again.
 */
function opaquePng(rgba: Uint8ClampedArray, w: number, h: number): Buffer {
  const rgb = new Uint8Array(w * h * 3);
  for (let i = 0, j = 0; i < rgba.length; i += 4, j += 3) {
    rgb[j] = rgba[i]!;
    rgb[j + 1] = rgba[i + 1]!;
    rgb[j + 2] = rgba[i + 2]!;
  }
  const rows = Buffer.alloc(h * (1 + w * 3));
  for (let y = 0; y < h; y++) {
    // Filter type 2 (Up) suits flat graphics well; row 0 has no row above, which PNG treats as zeros.
    const at = y * (1 + w * 3);
    rows[at] = 2;
    for (let x = 0; x < w * 3; x++) {
      const above = y > 0 ? rgb[(y - 1) * w * 3 + x]! : 0;
      rows[at + 1 + x] = (rgb[y * w * 3 + x]! - above) & 0xff;
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
    return Buffer.concat([head, data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** CRC-32 of PNG chunks (ISO 3309, as the PNG spec §5.5 defines it). */
function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

// ---------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------

type Scene = (ctx: Ctx, rng: Rng, w: number, h: number) => void;

const SCENES: Record<string, Scene> = {
  harbor: sceneHarbor,
  skyline: sceneSkyline,
  ferry: sceneFerry,
  stadium: sceneStadium,
  council: sceneCouncil,
  market: sceneMarket,
  park: scenePark,
  storm: sceneStorm,
  train: sceneTrain,
  chart: sceneChart,
  shipyard: sceneShipyard,
};

function renderScene(name: string, scene: Scene, seed: string): Buffer {
  const rng = new Rng(seed);
  const { canvas, ctx } = newCanvas(PHOTO_W, PHOTO_H);
  setFog([180, 186, 190], 1e9);
  scene(ctx, rng, PHOTO_W, PHOTO_H);
  const finished = name === 'chart' ? canvas : finishPhoto(canvas, rng);
  return finished.encodeSync('jpeg', JPEG_QUALITY);
}

function main(): void {
  // Optional arguments limit the run to some names, e.g. `... harbor adverts`.
  const only = process.argv.slice(2);
  const wanted = (name: string) => only.length === 0 || only.includes(name);
  for (const date of DATES) {
    const dir = join(EDITIONS, date, 'images');
    mkdirSync(dir, { recursive: true });
    for (const [name, scene] of Object.entries(SCENES)) {
      if (!wanted(name)) continue;
      const file = join(dir, `${name}.jpg`);
      writeFileSync(file, renderScene(name, scene, `${date}/${name}`));
      console.log(file.slice(ROOT.length + 1));
    }
    for (const name of Object.keys(SITTERS)) {
      if (!wanted(name) && !wanted('portraits')) continue;
      const file = join(dir, `${name}.jpg`);
      writeFileSync(file, renderPortrait(name));
      console.log(file.slice(ROOT.length + 1));
    }
  }
  const adDir = join(EDITIONS, 'adverts');
  mkdirSync(adDir, { recursive: true });
  for (const [name, w, h, layout] of ADVERTS) {
    if (!wanted(name) && !wanted('adverts')) continue;
    const file = join(adDir, `${name}.png`);
    writeFileSync(file, renderAdvert(name, w, h, layout));
    console.log(file.slice(ROOT.length + 1));
  }
}

main();
