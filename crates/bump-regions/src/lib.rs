//! A global allocator for a single-threaded WebAssembly module whose work
//! comes in calls that free, by their end, nearly all they allocated.
//!
//! Small blocks (at most [`SMALL`] bytes, aligned to at most [`MAX_ALIGN`])
//! are bumped out of a *region*: [`REGION`] bytes taken from the fallback
//! allocator, aligned to their size. The region's first bytes count its live
//! blocks. Freeing a block finds its region by masking the block's address
//! and counts one down; nothing else is done with the block's bytes, so
//! allocating and freeing cost a few dozen instructions each.
//!
//! A region is reused only when its count returns to zero, so no block still
//! in use is ever handed out again:
//! - the region being bumped (the *current* one) starts again from its first
//!   byte, which is what happens at the end of a call that freed all it
//!   allocated;
//! - a region left behind when the current one was full, and emptied later,
//!   is kept as the one spare region (the next one to be bumped), or given
//!   back to the fallback allocator if there is already a spare.
//!
//! A block that outlives a call (a buffer kept from one call to the next)
//! keeps its region from being reused, but not from being left behind: the
//! next calls bump on past it, and when the region is full another one is
//! taken. The memory held is then the regions that hold a live block, plus
//! the current one and the spare: it stays bounded as long as what is live is.
//!
//! Blocks larger than [`SMALL`] (or aligned beyond [`MAX_ALIGN`]) go to the
//! fallback allocator, which frees and merges them as usual. Which side a
//! block lives on is told by its layout alone, which Rust hands back with
//! every free and reallocation.
//!
//! Not for threads: [`BumpRegions`] is `Sync` only on WebAssembly without
//! the `atomics` feature, where a module has one thread.
#![no_std]

use core::alloc::{GlobalAlloc, Layout};
use core::cell::UnsafeCell;
use core::ptr;

/// Bytes in a region (a power of two, and its alignment).
pub const REGION: usize = 64 * 1024;
/// The largest block bumped out of a region; larger ones go to the fallback.
pub const SMALL: usize = 2 * 1024;
/// The largest alignment bumped out of a region; larger ones go to the fallback.
pub const MAX_ALIGN: usize = 16;
/// The region's first bytes, its count of live blocks (a `u32`), padded so
/// that the first block is aligned to [`MAX_ALIGN`].
const HEADER: usize = MAX_ALIGN;
/// How a region is asked of the fallback allocator.
const REGION_LAYOUT: Layout = match Layout::from_size_align(REGION, REGION) {
    Ok(layout) => layout,
    Err(_) => panic!("REGION is a power of two"),
};

/// Whether a block of this layout is bumped out of a region (else the
/// fallback allocator holds it). The same answer for a block's allocation,
/// reallocations and free, as they see the same layout.
#[inline]
fn in_region(layout: Layout) -> bool {
    layout.size() <= SMALL && layout.align() <= MAX_ALIGN
}

/// The count of live blocks at the start of the region holding `block`.
#[inline]
fn live_count(block: *mut u8) -> *mut u32 {
    block.map_addr(|address| address & !(REGION - 1)).cast()
}

/// The allocator: small blocks from regions, the rest from `A`.
pub struct BumpRegions<A> {
    fallback: A,
    state: UnsafeCell<State>,
}

/// Where the next small block goes.
struct State {
    /// The first free byte of the current region (null before the first).
    next: *mut u8,
    /// Bytes from `next` to the end of the current region.
    left: usize,
    /// The current region (null before the first).
    current: *mut u8,
    /// An empty region kept for when the current one is full (or null).
    spare: *mut u8,
}

// SAFETY: on WebAssembly without atomics a module runs on one thread, so the
// state is never reached from two threads; elsewhere the type is not `Sync`
// and cannot be a `#[global_allocator]` (native tests use it as a value).
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
unsafe impl<A: Sync> Sync for BumpRegions<A> {}

impl<A: GlobalAlloc> BumpRegions<A> {
    /// An allocator that takes its regions and large blocks from `fallback`.
    pub const fn new(fallback: A) -> Self {
        BumpRegions {
            fallback,
            state: UnsafeCell::new(State {
                next: ptr::null_mut(),
                left: 0,
                current: ptr::null_mut(),
                spare: ptr::null_mut(),
            }),
        }
    }

    /// The allocator that regions and large blocks come from.
    pub const fn fallback(&self) -> &A {
        &self.fallback
    }

    /// Takes a region (the spare one, else a new one from the fallback) as
    /// the current one and bumps `layout` out of it; null if the fallback
    /// has no memory left. Called when the current region has no room.
    ///
    /// # Safety
    /// `layout` is [`in_region`], and no other borrow of the state is live.
    #[cold]
    #[inline(never)]
    unsafe fn alloc_in_new_region(&self, layout: Layout) -> *mut u8 {
        // SAFETY: one thread, and the caller holds no borrow of the state.
        let state = unsafe { &mut *self.state.get() };
        let region = if state.spare.is_null() {
            // SAFETY: REGION_LAYOUT has a non-zero size.
            unsafe { self.fallback.alloc(REGION_LAYOUT) }
        } else {
            core::mem::replace(&mut state.spare, ptr::null_mut())
        };
        if region.is_null() {
            return region;
        }
        // The region left behind (if any) still holds live blocks: a region
        // whose count is zero starts again from its first byte, where any
        // small block fits. The last of them to be freed hands it on.
        // SAFETY: the region is REGION bytes, aligned to REGION, and ours.
        unsafe { region.cast::<u32>().write(0) };
        state.current = region;
        state.next = region.wrapping_add(HEADER);
        state.left = REGION - HEADER;
        // SAFETY: the state borrow above is not used after this point.
        unsafe { self.alloc(layout) }
    }

    /// A region's last block was freed: the current region starts again from
    /// its first byte; another becomes the spare, or goes back to the fallback.
    ///
    /// # Safety
    /// `region` is a region of this allocator whose count is zero, and no
    /// other borrow of the state is live.
    #[cold]
    #[inline(never)]
    unsafe fn emptied(&self, region: *mut u8) {
        // SAFETY: one thread, and the caller holds no borrow of the state.
        let state = unsafe { &mut *self.state.get() };
        if region == state.current {
            state.next = region.wrapping_add(HEADER);
            state.left = REGION - HEADER;
        } else if state.spare.is_null() {
            state.spare = region;
        } else {
            // SAFETY: the region came from the fallback with REGION_LAYOUT,
            // and no block in it is live.
            unsafe { self.fallback.dealloc(region, REGION_LAYOUT) };
        }
    }

    /// Moves a block to a new one of `new_size` bytes (the content up to the
    /// shorter of the two is kept), for a reallocation that cannot stay.
    ///
    /// # Safety
    /// As [`GlobalAlloc::realloc`].
    unsafe fn move_block(&self, block: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller passes a valid size for `layout.align()`.
        let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        // SAFETY: new_size is not zero (realloc's contract).
        let moved = unsafe { self.alloc(new_layout) };
        if !moved.is_null() {
            // SAFETY: two distinct live blocks, each at least this long.
            unsafe { ptr::copy_nonoverlapping(block, moved, layout.size().min(new_size)) };
            // SAFETY: `block` is live with `layout` (the caller's contract).
            unsafe { self.dealloc(block, layout) };
        }
        moved
    }
}

// SAFETY: a small block is handed out only from bytes of the current region
// past every block handed out since the region last had no live block (the
// bump only moves forward until the count returns to zero), so it never
// overlaps a live block; it lies inside its region, whose count it is
// included in until freed. Large blocks are the fallback's.
unsafe impl<A: GlobalAlloc> GlobalAlloc for BumpRegions<A> {
    #[inline(never)]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if !in_region(layout) {
            // SAFETY: the caller's contract is the fallback's.
            return unsafe { self.fallback.alloc(layout) };
        }
        // SAFETY: one thread; the borrow ends before any other is taken.
        let state = unsafe { &mut *self.state.get() };
        let pad = state.next.addr().wrapping_neg() & (layout.align() - 1);
        let need = pad + layout.size();
        // `>=`: the region's last byte is never handed out, so every block,
        // even one of no bytes, starts and ends inside its region.
        if need >= state.left {
            // SAFETY: `layout` is in_region, and `state` is not used again.
            return unsafe { self.alloc_in_new_region(layout) };
        }
        let block = state.next.wrapping_add(pad);
        state.next = block.wrapping_add(layout.size());
        state.left -= need;
        // SAFETY: the block is inside the current region (need < left),
        // whose first bytes are its count.
        unsafe { *live_count(block) += 1 };
        block
    }

    #[inline(never)]
    unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
        if !in_region(layout) {
            // SAFETY: the caller's contract is the fallback's.
            return unsafe { self.fallback.dealloc(block, layout) };
        }
        let count = live_count(block);
        // SAFETY: a small block lies inside a region, which begins with its
        // count, at least one while the block is live.
        unsafe {
            *count -= 1;
            if *count == 0 {
                self.emptied(count.cast());
            }
        }
    }

    #[inline(never)]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if !in_region(layout) {
            // SAFETY: the caller's contract is the fallback's (which knows
            // when its memory is fresh, and so already zero).
            return unsafe { self.fallback.alloc_zeroed(layout) };
        }
        // SAFETY: the caller's contract.
        let block = unsafe { self.alloc(layout) };
        if !block.is_null() {
            // SAFETY: the block is `layout.size()` bytes, ours.
            unsafe { ptr::write_bytes(block, 0, layout.size()) };
        }
        block
    }

    #[inline(never)]
    unsafe fn realloc(&self, block: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: realloc's contract: new_size, rounded up to the alignment,
        // does not overflow isize.
        let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        match (in_region(layout), in_region(new_layout)) {
            // SAFETY: the caller's contract is the fallback's.
            (false, false) => unsafe { self.fallback.realloc(block, layout, new_size) },
            (true, true) => {
                // SAFETY: one thread; the borrow ends before any other is taken.
                let state = unsafe { &mut *self.state.get() };
                if block.wrapping_add(layout.size()) == state.next {
                    // The last block bumped: it grows or shrinks in place,
                    // within the current region.
                    let room = state.left + layout.size();
                    if new_size < room {
                        state.next = block.wrapping_add(new_size);
                        state.left = room - new_size;
                        return block;
                    }
                } else if new_size <= layout.size() {
                    // Shrinks in place; it is still small when freed.
                    return block;
                }
                // SAFETY: the caller's contract, and `state` is not used again.
                unsafe { self.move_block(block, layout, new_size) }
            }
            // SAFETY: the caller's contract.
            _ => unsafe { self.move_block(block, layout, new_size) },
        }
    }
}
