import { describe, expect, it } from 'vitest';
import { placeTooltip } from '../../lib/place-tooltip';

const viewport = { left: 0, top: 0, width: 1000, height: 800 };
const size = { width: 380, height: 300 };

describe('placing the tooltip', () => {
  it('goes under the term, aligned with its start', () => {
    const p = placeTooltip({ anchor: { left: 100, top: 100, width: 60, height: 20 }, size, viewport });
    expect(p).toEqual({ x: 100, y: 126, maxHeight: 460, side: 'below' });
  });

  it('flips above a term near the bottom edge', () => {
    const p = placeTooltip({ anchor: { left: 100, top: 700, width: 60, height: 20 }, size, viewport });
    expect(p.side).toBe('above');
    expect(p.y + size.height).toBeLessThanOrEqual(700 - 6);
    expect(p.y).toBeGreaterThanOrEqual(8);
  });

  it('shifts left from the right edge and right from the left edge', () => {
    expect(placeTooltip({ anchor: { left: 960, top: 100, width: 30, height: 20 }, size, viewport }).x).toBe(1000 - 8 - 380);
    expect(placeTooltip({ anchor: { left: -20, top: 100, width: 30, height: 20 }, size, viewport }).x).toBe(8);
  });

  it('caps its height to the room on the side it takes, so it stays on screen', () => {
    const tall = { width: 380, height: 900 };
    const p = placeTooltip({ anchor: { left: 100, top: 380, width: 30, height: 20 }, size: tall, viewport });
    expect(p.y).toBeGreaterThanOrEqual(8);
    expect(p.y + p.maxHeight).toBeLessThanOrEqual(800 - 8);
  });

  it('uses the visual viewport of a pinch-zoomed page', () => {
    const zoomed = { left: 300, top: 200, width: 400, height: 300 };
    const p = placeTooltip({ anchor: { left: 650, top: 250, width: 30, height: 20 }, size: { width: 200, height: 150 }, viewport: zoomed });
    expect(p.x).toBeGreaterThanOrEqual(308);
    expect(p.x + 200).toBeLessThanOrEqual(692);
    expect(p.y).toBeGreaterThanOrEqual(208);
    expect(p.y + Math.min(150, p.maxHeight)).toBeLessThanOrEqual(492);
  });
});
