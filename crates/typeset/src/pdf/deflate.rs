//! Compression, in two schemes: each page's content stream deflated as it
//! is written (long documents on several threads, a share of pages each),
//! and after serialization every stream not yet filtered, largest first,
//! shared out to the threads by size. Both with libdeflate at level 1.

use super::content::content;
use super::subset::UsedFont;
use crate::layout::Page;
use lopdf::{Dictionary, Document, Object};
use std::collections::HashMap;

/// Every page's content stream, deflated (as [`compress_streams`]), long
/// documents on all cores: each page is compressed while its bytes are
/// still in the cache, and the uncompressed streams never pile up.
pub(super) fn page_contents(
    pages: &[Page],
    fonts: &[UsedFont<'_>],
    slots: &HashMap<u16, usize>,
) -> Vec<lopdf::Stream> {
    let threads = crate::par::cores();
    let page = |p: &Page| {
        let raw = content(p, fonts, slots);
        let mut dict = Dictionary::new();
        match deflate(&raw) {
            Some(data) => {
                dict.set("Filter", Object::Name(b"FlateDecode".to_vec()));
                lopdf::Stream::new(dict, data)
            }
            None => lopdf::Stream::new(dict, raw),
        }
    };
    if threads < 2 || pages.len() < 32 {
        return pages.iter().map(page).collect();
    }
    let chunk = pages.len().div_ceil(threads);
    let parts: Vec<&[Page]> = pages.chunks(chunk).collect();
    // In turns on the cores (the calling thread alone when no thread can
    // be started), then back in page order.
    crate::par::in_turns(
        parts.len(),
        threads,
        2 << 20,
        &mut (),
        || (),
        |_, i| parts[i].iter().map(page).collect::<Vec<_>>(),
    )
    .into_iter()
    .flatten()
    .collect()
}

/// Deflates every stream that is not yet filtered, spread over the
/// machine's cores: it is the largest single cost of writing a long
/// agreement.
pub(super) fn compress_streams(doc: &mut Document) {
    let mut pending: Vec<&mut lopdf::Stream> = doc
        .objects
        .values_mut()
        .filter_map(|obj| match obj {
            Object::Stream(s) if s.allows_compression && s.dict.get(b"Filter").is_err() => Some(s),
            _ => None,
        })
        .collect();
    let compress = |s: &mut lopdf::Stream| {
        // Left as it is if it cannot be deflated.
        if let Some(data) = deflate(&s.content) {
            s.dict.set("Filter", Object::Name(b"FlateDecode".to_vec()));
            s.set_content(data);
        }
    };
    let threads = crate::par::cores();
    let total: usize = pending.iter().map(|s| s.content.len()).sum();
    if threads < 2 || total < 256 * 1024 {
        pending.into_iter().for_each(compress);
        return;
    }
    // Largest first, each to the least loaded share.
    pending.sort_by_key(|s| std::cmp::Reverse(s.content.len()));
    let mut shares: Vec<(usize, Vec<&mut lopdf::Stream>)> =
        (0..threads).map(|_| (0, Vec::new())).collect();
    for s in pending {
        if let Some(share) = shares.iter_mut().min_by_key(|(load, _)| *load) {
            share.0 += s.content.len();
            share.1.push(s);
        }
    }
    let shares: Vec<std::sync::Mutex<Vec<&mut lopdf::Stream>>> = shares
        .into_iter()
        .map(|(_, share)| std::sync::Mutex::new(share))
        .collect();
    crate::par::in_turns(
        shares.len(),
        threads,
        2 << 20,
        &mut (),
        || (),
        |_, i| {
            let mut share = shares[i]
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            share.drain(..).for_each(compress);
        },
    );
}

/// zlib-wrapped deflate (libdeflate) at level 1. Writing the 204-page
/// generated agreement (2.85 MB of streams before compression) takes 13.2
/// ms and 783 KB at level 1, 15.4 ms and 737 KB at level 3, about 20 ms
/// and 720 KB at level 6. The fastest level is chosen: 6% more bytes than
/// level 3 are nothing to a sponsor; the time is the largest single cost
/// of writing a long agreement. `None` only if libdeflate fails.
fn deflate(data: &[u8]) -> Option<Vec<u8>> {
    use libdeflater::{CompressionLvl, Compressor};
    use std::cell::RefCell;
    thread_local! {
        // A compressor's tables are sizeable: one per thread, reused.
        static COMPRESSOR: RefCell<Compressor> = RefCell::new(Compressor::new(
            CompressionLvl::new(1).unwrap_or_default(),
        ));
    }
    COMPRESSOR.with_borrow_mut(|c| {
        let mut out = vec![0; c.zlib_compress_bound(data.len())];
        // Fails only if the output does not fit, and it holds the bound.
        let n = c.zlib_compress(data, &mut out).ok()?;
        out.truncate(n);
        Some(out)
    })
}
