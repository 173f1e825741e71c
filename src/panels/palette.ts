// Distinguishable on dark and light backgrounds (Okabe–Ito-inspired, colour-blind safe order).
const PALETTE = ['#4e9bff', '#f5a623', '#39c28a', '#e5588f', '#a98bff', '#f2d13d', '#35c4d6', '#ff7a45'];

export function lineColor(index: number): string {
  return PALETTE[index % PALETTE.length] ?? '#4e9bff';
}
