//! Page content streams, written directly as bytes: text runs as glyph
//! codes in one `TJ` each, rules and rectangles, with the graphics state
//! set only when it changes.

use super::subset::UsedFont;
use crate::layout::{Color, Item, Page, TextRun};
use std::collections::HashMap;
use std::io::Write as _;

/// One page's content stream, written directly: text in `BT`/`ET` with
/// each run's glyph codes as binary strings in one `TJ` (split where the
/// laid-out advance differs from the font's `/W`), rules and filled rectangles.
/// Font, size, colours and line width are set only when they change.
pub(super) fn content(page: &Page, fonts: &[UsedFont<'_>], slots: &HashMap<u16, usize>) -> Vec<u8> {
    let ph = page.height;
    let mut w = ContentWriter {
        buf: Vec::with_capacity(page.items.len() * 48),
        ..ContentWriter::default()
    };
    for item in &page.items {
        match item {
            Item::Text(run) => {
                let Some((slot, font)) = slots
                    .get(&run.font)
                    .and_then(|&s| fonts.get(s).map(|f| (s, f)))
                else {
                    continue;
                };
                w.text_run(run, slot, font, ph);
            }
            Item::Line {
                from,
                to,
                width,
                color,
            } => {
                w.end_text();
                w.stroke_color(*color);
                w.line_width(*width);
                w.nums(&[from.0, ph - from.1]);
                w.op("m");
                w.nums(&[to.0, ph - to.1]);
                w.op("l");
                w.op("S");
            }
            Item::Rect { rect, color } => {
                w.end_text();
                w.fill_color(*color);
                w.nums(&[rect[0], ph - rect[1] - rect[3], rect[2], rect[3]]);
                w.op("re");
                w.op("f");
            }
            Item::Link { .. } => {}
        }
    }
    w.end_text();
    w.buf
}

/// Writes content-stream operators, remembering the graphics state it set.
#[derive(Default)]
struct ContentWriter {
    buf: Vec<u8>,
    in_text: bool,
    font: Option<(usize, f32)>,
    fill: Option<Color>,
    stroke: Option<Color>,
    width: Option<f32>,
}

impl ContentWriter {
    fn op(&mut self, op: &str) {
        self.buf.extend_from_slice(op.as_bytes());
        self.buf.push(b'\n');
    }

    fn nums(&mut self, values: &[f32]) {
        for &v in values {
            write_num(&mut self.buf, v);
            self.buf.push(b' ');
        }
    }

    fn end_text(&mut self) {
        if std::mem::take(&mut self.in_text) {
            self.op("ET");
        }
    }

    fn fill_color(&mut self, c: Color) {
        if self.fill != Some(c) {
            self.nums(&[c.r, c.g, c.b]);
            self.op("rg");
            self.fill = Some(c);
        }
    }

    fn stroke_color(&mut self, c: Color) {
        if self.stroke != Some(c) {
            self.nums(&[c.r, c.g, c.b]);
            self.op("RG");
            self.stroke = Some(c);
        }
    }

    fn line_width(&mut self, width: f32) {
        if self.width != Some(width) {
            self.nums(&[width]);
            self.op("w");
            self.width = Some(width);
        }
    }

    fn text_run(&mut self, run: &TextRun, slot: usize, font: &UsedFont<'_>, ph: f32) {
        let size = run.size;
        if run.glyphs.is_empty() {
            return;
        }
        if !self.in_text {
            self.op("BT");
            self.in_text = true;
        }
        self.fill_color(run.color);
        if self.font != Some((slot, size)) {
            let _ = write!(self.buf, "/F{slot} ");
            self.nums(&[size]);
            self.op("Tf");
            self.font = Some((slot, size));
        }
        let (sin, cos) = run.angle.to_radians().sin_cos();
        // Pen position along the (possibly rotated) baseline, in PDF space.
        let matrix = |w: &mut Self, dx: f32, dy: f32| {
            w.nums(&[
                cos,
                sin,
                -sin,
                cos,
                run.x + dx * cos - dy * sin,
                ph - run.y + dx * sin + dy * cos,
            ]);
            w.op("Tm");
        };
        // Glyphs without offsets go in one TJ with adjustments where the
        // laid out advance differs from the font's; offset glyphs are
        // placed individually with their own text matrix.
        let mut x = 0.0f32;
        let mut i = 0;
        let n = run.glyphs.len();
        while i < n {
            let offset = run.is_offset(i);
            let [dx, dy] = run.offset(i);
            matrix(self, x + dx, dy);
            self.buf.push(b'[');
            let mut open = false;
            while i < n {
                let g = run.glyphs[i];
                let use_ = font.glyphs.get(usize::from(g.id));
                if !open {
                    self.buf.push(b'(');
                    open = true;
                }
                let code = use_.map_or(0, |u| u.code);
                for b in code.to_be_bytes() {
                    // Literal string: escape what ends or escapes it, and CR
                    // (which readers turn into LF).
                    match b {
                        b'(' | b')' | b'\\' => self.buf.extend_from_slice(&[b'\\', b]),
                        b'\r' => self.buf.extend_from_slice(b"\\r"),
                        _ => self.buf.push(b),
                    }
                }
                x += g.advance;
                i += 1;
                if offset {
                    break;
                }
                let natural = use_.map_or(0.0, |u| u.width);
                // TJ adjustment in 1/1000 em: natural advance minus laid out.
                let adjust = if size > 0.0 {
                    natural - g.advance * 1000.0 / size
                } else {
                    0.0
                };
                if (adjust * size / 1000.0).abs() > 0.001 {
                    self.buf.push(b')');
                    open = false;
                    write_num(&mut self.buf, adjust);
                }
                if i < n && run.is_offset(i) {
                    break;
                }
            }
            if open {
                self.buf.push(b')');
            }
            self.buf.extend_from_slice(b"]TJ\n");
        }
    }
}

/// A number with at most three decimals and no trailing zeros (`12`,
/// `-0.5`, `595.276`); anything not finite is written as 0.
fn write_num(buf: &mut Vec<u8>, v: f32) {
    let scaled = (f64::from(v) * 1000.0).round();
    let scaled = if scaled.is_finite() {
        scaled.clamp(-1e15, 1e15) as i64
    } else {
        0
    };
    if scaled < 0 {
        buf.push(b'-');
    }
    let a = scaled.unsigned_abs();
    let (int, frac) = (a / 1000, a % 1000);
    let mut digits = [0u8; 20];
    let mut n = 0;
    let mut rest = int;
    loop {
        digits[n] = b'0' + (rest % 10) as u8;
        n += 1;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    buf.extend(digits[..n].iter().rev());
    if frac != 0 {
        buf.push(b'.');
        let f = [frac / 100, frac / 10 % 10, frac % 10];
        let keep = if f[2] != 0 {
            3
        } else if f[1] != 0 {
            2
        } else {
            1
        };
        buf.extend(f[..keep].iter().map(|&d| b'0' + d as u8));
    }
}

#[cfg(test)]
mod tests {
    use super::write_num;

    fn num(v: f32) -> String {
        let mut buf = Vec::new();
        write_num(&mut buf, v);
        String::from_utf8(buf).unwrap()
    }

    #[test]
    fn numbers_are_short_and_exact_to_a_thousandth() {
        assert_eq!(num(0.0), "0");
        assert_eq!(num(-0.0), "0");
        assert_eq!(num(12.0), "12");
        assert_eq!(num(-0.5), "-0.5");
        assert_eq!(num(595.2756), "595.276");
        assert_eq!(num(0.0004), "0");
        assert_eq!(num(-0.0004), "0");
        assert_eq!(num(0.05), "0.05");
        assert_eq!(num(1.007), "1.007");
        assert_eq!(num(f32::NAN), "0");
        assert_eq!(num(f32::INFINITY), "0");
    }
}
