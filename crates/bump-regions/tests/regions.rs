//! The allocator natively, over the system allocator counted: blocks never
//! overlap and keep their bytes, large ones go to the fallback, and the
//! regions held stay bounded however many calls run.
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use bump_regions::{BumpRegions, MAX_ALIGN, REGION, SMALL};

/// The system allocator, counting the blocks it holds for the allocator
/// under test, and how many of them are regions.
#[derive(Default)]
struct Counted {
    blocks: Cell<usize>,
    regions: Cell<usize>,
    most_regions: Cell<usize>,
}

impl Counted {
    fn regions(&self) -> usize {
        self.regions.get()
    }
}

// SAFETY: System's contract, passed on; the counts are only counts.
unsafe impl GlobalAlloc for Counted {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        self.blocks.set(self.blocks.get() + 1);
        if layout.size() == REGION {
            self.regions.set(self.regions.get() + 1);
            self.most_regions
                .set(self.most_regions.get().max(self.regions.get()));
        }
        // SAFETY: the caller's contract.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
        self.blocks.set(self.blocks.get() - 1);
        if layout.size() == REGION {
            self.regions.set(self.regions.get() - 1);
        }
        // SAFETY: the caller's contract.
        unsafe { System.dealloc(block, layout) }
    }
}

/// A live block, filled with its own byte.
struct Block {
    at: *mut u8,
    layout: Layout,
    fill: u8,
}

/// Tiny deterministic random numbers (xorshift), so a failure repeats.
struct Random(u64);

impl Random {
    fn below(&mut self, bound: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % bound as u64) as usize
    }
}

/// The allocator under test, over the counted system allocator.
struct Heap {
    arena: BumpRegions<Counted>,
    next_fill: u8,
}

impl Heap {
    fn new() -> Self {
        Heap {
            arena: BumpRegions::new(Counted::default()),
            next_fill: 0,
        }
    }

    /// Regions the fallback holds for the allocator now.
    fn regions(&self) -> usize {
        self.arena.fallback().regions()
    }

    /// Blocks (regions and large blocks) the fallback holds for the allocator now.
    fn fallback_blocks(&self) -> usize {
        self.arena.fallback().blocks.get()
    }

    /// Allocates a block, checks it is aligned and fills it with a byte of its own.
    fn alloc(&mut self, size: usize, align: usize) -> Block {
        let layout = Layout::from_size_align(size, align).unwrap();
        // SAFETY: a non-zero size.
        let at = unsafe { self.arena.alloc(layout) };
        assert!(!at.is_null(), "out of memory for {layout:?}");
        assert_eq!(at.addr() % align, 0, "{layout:?} misaligned at {at:p}");
        self.next_fill = self.next_fill.wrapping_add(1).max(1);
        // SAFETY: the block is `size` bytes, ours.
        unsafe { at.write_bytes(self.next_fill, size) };
        Block {
            at,
            layout,
            fill: self.next_fill,
        }
    }

    /// Frees a block, after checking that no other block wrote over it.
    fn free(&self, block: Block) {
        check(&block);
        // SAFETY: live, with this layout.
        unsafe { self.arena.dealloc(block.at, block.layout) };
    }

    /// Reallocates a block to `new_size`, checks its bytes were kept, and
    /// fills it again.
    fn realloc(&self, block: &mut Block, new_size: usize) {
        check(block);
        let kept = block.layout.size().min(new_size);
        // SAFETY: live, with this layout; a non-zero size.
        let at = unsafe { self.arena.realloc(block.at, block.layout, new_size) };
        assert!(!at.is_null());
        // SAFETY: the new block is new_size bytes.
        let bytes = unsafe { std::slice::from_raw_parts(at, kept) };
        assert!(
            bytes.iter().all(|&byte| byte == block.fill),
            "realloc {:?} -> {new_size} lost bytes",
            block.layout
        );
        block.at = at;
        block.layout = Layout::from_size_align(new_size, block.layout.align()).unwrap();
        // SAFETY: the block is new_size bytes.
        unsafe { at.write_bytes(block.fill, new_size) };
    }
}

/// Checks that no other block wrote over `block`.
fn check(block: &Block) {
    // SAFETY: a live block of this layout.
    let bytes = unsafe { std::slice::from_raw_parts(block.at, block.layout.size()) };
    assert!(
        bytes.iter().all(|&byte| byte == block.fill),
        "block {:p} ({:?}) was overwritten",
        block.at,
        block.layout
    );
}

#[test]
fn blocks_of_every_small_size_and_alignment_never_overlap_and_keep_their_bytes() {
    let mut heap = Heap::new();
    let mut random = Random(0x9e37_79b9_7f4a_7c15);
    let mut live: Vec<Block> = Vec::new();
    for step in 0..200_000 {
        let roll = random.below(10);
        if live.is_empty() || roll < 5 {
            let align = 1 << random.below(6); // 1 to 32: beyond MAX_ALIGN too
            let size = 1 + if random.below(50) == 0 {
                random.below(3 * SMALL)
            } else {
                random.below(200)
            };
            live.push(heap.alloc(size, align));
        } else if roll < 8 {
            heap.free(live.swap_remove(random.below(live.len())));
        } else {
            let index = random.below(live.len());
            let size = 1 + if random.below(20) == 0 {
                random.below(3 * SMALL)
            } else {
                random.below(400)
            };
            heap.realloc(&mut live[index], size);
        }
        if step % 10_000 == 0 {
            live.iter().for_each(check);
        }
    }
    live.drain(..).for_each(|block| heap.free(block));
    assert!(
        heap.regions() <= 2,
        "{} regions held with no block live (the current one and a spare at most)",
        heap.regions()
    );
    assert_eq!(
        heap.fallback_blocks(),
        heap.regions(),
        "every large block went back to the fallback"
    );
}

#[test]
fn a_region_whose_blocks_are_all_freed_is_bumped_again_from_its_start() {
    let mut heap = Heap::new();
    let first = heap.alloc(100, 8);
    let address = first.at;
    heap.free(first);
    let again = heap.alloc(100, 8);
    assert_eq!(
        again.at, address,
        "the emptied current region starts again where it began"
    );
    let other = heap.alloc(10, 1);
    heap.free(again);
    let third = heap.alloc(100, 8);
    assert_ne!(
        third.at, address,
        "a region with a live block is never bumped over"
    );
    heap.free(other);
    heap.free(third);
}

#[test]
fn the_last_block_grows_and_shrinks_in_place_and_a_large_block_comes_from_the_fallback() {
    let mut heap = Heap::new();
    let mut block = heap.alloc(16, 8);
    let address = block.at;
    heap.realloc(&mut block, 1_000);
    assert_eq!(block.at, address, "the last block grows where it is");
    heap.realloc(&mut block, 40);
    assert_eq!(block.at, address);
    let after = heap.alloc(8, 8);
    assert_eq!(
        after.at,
        address.wrapping_add(40),
        "the bump follows the shrunk block"
    );
    let before = heap.fallback_blocks();
    heap.realloc(&mut block, SMALL + 1);
    assert_eq!(
        heap.fallback_blocks(),
        before + 1,
        "beyond SMALL, the fallback's"
    );
    heap.realloc(&mut block, 30);
    assert_eq!(heap.fallback_blocks(), before, "and back");
    let aligned = heap.alloc(64, 2 * MAX_ALIGN);
    assert_eq!(
        heap.fallback_blocks(),
        before + 1,
        "aligned beyond MAX_ALIGN, the fallback's"
    );
    for block in [aligned, after, block] {
        heap.free(block);
    }
}

/// Calls that each allocate and free tens of blocks (thousands now and
/// then), while some blocks outlive their call: one is freed in the next
/// call (a kept buffer replaced), one every thousandth call is never freed
/// (a cache).
#[test]
fn the_regions_held_stay_bounded_over_calls_with_blocks_that_outlive_them() {
    let mut heap = Heap::new();
    let mut random = Random(42);
    let mut kept: Option<Block> = None;
    let mut forever = Vec::new();
    let mut held = Vec::new();
    for call in 0..20_000 {
        let count = if call % 500 == 0 {
            5_000
        } else {
            20 + random.below(20)
        };
        let mut blocks: Vec<Block> = (0..count)
            .map(|_| heap.alloc(1 + random.below(300), 1 << random.below(4)))
            .collect();
        if let Some(old) = kept.replace(heap.alloc(64, 8)) {
            heap.free(old);
        }
        if call % 1_000 == 0 {
            forever.push(heap.alloc(32, 8));
        }
        while !blocks.is_empty() {
            heap.free(blocks.swap_remove(random.below(blocks.len())));
        }
        // Each block kept forever may hold a region of its own: those aside.
        held.push(heap.regions().saturating_sub(forever.len()));
    }
    let early = held[..held.len() / 2].iter().max().unwrap();
    let late = held[held.len() / 2..].iter().max().unwrap();
    assert!(late <= early, "regions held beyond those kept forever grew over the calls: at most {early} in the first half, {late} in the second");
    assert!(
        held.last() <= Some(&3),
        "{} regions held after the calls beyond one for each of the {} blocks kept forever",
        held.last().unwrap(),
        forever.len()
    );
}

#[test]
fn a_zeroed_small_block_is_all_zero_even_where_a_freed_block_wrote() {
    let heap = Heap::new();
    let layout = Layout::from_size_align(64, 8).unwrap();
    // SAFETY: a non-zero size.
    let dirty = unsafe { heap.arena.alloc(layout) };
    assert!(!dirty.is_null());
    // SAFETY: the block is 64 bytes, ours; then freed with its layout.
    unsafe {
        dirty.write_bytes(0xAB, layout.size());
        heap.arena.dealloc(dirty, layout);
    }
    // SAFETY: a non-zero size.
    let zeroed = unsafe { heap.arena.alloc_zeroed(layout) };
    assert_eq!(
        zeroed, dirty,
        "the emptied region is bumped again from where the freed block was"
    );
    // SAFETY: the block is 64 bytes, ours.
    let bytes = unsafe { std::slice::from_raw_parts(zeroed, layout.size()) };
    assert!(
        bytes.iter().all(|&byte| byte == 0),
        "alloc_zeroed handed out the freed block's bytes: {bytes:x?}"
    );
    // SAFETY: live, with this layout.
    unsafe { heap.arena.dealloc(zeroed, layout) };
}

/// GlobalAlloc's contract rules out a block of no bytes, but the allocator
/// places one safely: not at the end of a region filled to its last byte,
/// which is the next region's first (its count), where its free would count
/// down another region.
#[test]
fn a_block_of_no_bytes_after_the_region_is_filled_starts_inside_a_region() {
    let mut heap = Heap::new();
    // The first region's room past its count (padded to MAX_ALIGN): 31
    // blocks of SMALL bytes, then one as long as the rest, which would end
    // at the region's last byte.
    let room = REGION - MAX_ALIGN;
    let mut blocks: Vec<Block> = (0..room / SMALL).map(|_| heap.alloc(SMALL, 1)).collect();
    blocks.push(heap.alloc(room % SMALL, 1));
    let layout = Layout::from_size_align(0, 1).unwrap();
    // SAFETY: outside GlobalAlloc's contract (no bytes), which this
    // allocator defines: a block of no bytes inside the current region.
    let empty = unsafe { heap.arena.alloc(layout) };
    assert!(!empty.is_null());
    assert_ne!(
        empty.addr() % REGION,
        0,
        "a block of no bytes at {empty:p}, a region's first byte (its count)"
    );
    // SAFETY: live, with this layout.
    unsafe { heap.arena.dealloc(empty, layout) };
    blocks.into_iter().for_each(|block| heap.free(block));
    assert!(heap.regions() <= 2);
}
