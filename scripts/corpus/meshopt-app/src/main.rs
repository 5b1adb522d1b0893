// meshoptimizer (C++, built by the meshopt crate with cc) through the meshopt crate and its raw
// ffi: vertex remapping, vertex cache/fetch/overdraw optimization in place on Rust buffers,
// simplification with a result-error out-param, meshlets, vertex/index buffer codecs, analysis
// structs returned by value, and meshopt_setAllocator with Rust allocation callbacks that the
// C++ library keeps in a global and calls for its temporary buffers.
use meshopt::{SimplifyOptions, VertexDataAdapter};
use std::ffi::c_void;
use std::sync::atomic::{AtomicUsize, Ordering};

#[repr(C)]
#[derive(Clone, Copy, Default, Debug, PartialEq)]
struct Vertex {
    p: [f32; 3],
    n: [f32; 3],
}

static ALLOCS: AtomicUsize = AtomicUsize::new(0);
static FREES: AtomicUsize = AtomicUsize::new(0);

extern "C" fn mo_alloc(size: usize) -> *mut c_void {
    ALLOCS.fetch_add(1, Ordering::Relaxed);
    unsafe { libc_malloc(size) }
}

extern "C" fn mo_free(p: *mut c_void) {
    FREES.fetch_add(1, Ordering::Relaxed);
    unsafe { libc_free(p) }
}

extern "C" {
    #[link_name = "malloc"]
    fn libc_malloc(size: usize) -> *mut c_void;
    #[link_name = "free"]
    fn libc_free(p: *mut c_void);
    fn meshopt_setAllocator(allocate: extern "C" fn(usize) -> *mut c_void, deallocate: extern "C" fn(*mut c_void));
}

/// A grid of n x n quads, with duplicated vertices per quad (so that remapping has work to do).
fn grid(n: usize) -> (Vec<Vertex>, Vec<u32>) {
    let mut verts = Vec::new();
    let mut idx = Vec::new();
    for y in 0..n {
        for x in 0..n {
            let base = verts.len() as u32;
            for (dx, dy) in [(0, 0), (1, 0), (0, 1), (1, 1)] {
                let (fx, fy) = ((x + dx) as f32, (y + dy) as f32);
                verts.push(Vertex { p: [fx, fy, ((fx * 0.3).sin() + (fy * 0.2).cos()) * 0.01], n: [0.0, 0.0, 1.0] });
            }
            idx.extend_from_slice(&[base, base + 1, base + 2, base + 2, base + 1, base + 3]);
        }
    }
    (verts, idx)
}

fn main() {
    unsafe { meshopt_setAllocator(mo_alloc, mo_free) };
    let (verts, idx) = grid(24);
    let (unique, remap) = meshopt::generate_vertex_remap(&verts, Some(&idx));
    assert_eq!(unique, 25 * 25);
    let mut indices = meshopt::remap_index_buffer(Some(&idx), verts.len(), &remap);
    let vertices = meshopt::remap_vertex_buffer(&verts, unique, &remap);
    assert_eq!(vertices.len(), unique);

    meshopt::optimize_vertex_cache_in_place(&mut indices, vertices.len());
    let bytes = meshopt::typed_to_bytes(&vertices);
    let adapter = VertexDataAdapter::new(bytes, std::mem::size_of::<Vertex>(), 0).unwrap();
    meshopt::optimize_overdraw_in_place(&mut indices, &adapter, 1.05);
    let mut vertices = vertices;
    let fetched = meshopt::optimize_vertex_fetch_in_place(&mut indices, &mut vertices);
    assert_eq!(fetched, unique);

    let stats = meshopt::analyze_vertex_cache(&indices, vertices.len(), 16, 0, 0);
    assert!(stats.acmr < 1.0, "acmr {}", stats.acmr);
    let fetch = meshopt::analyze_vertex_fetch(&indices, vertices.len(), std::mem::size_of::<Vertex>());
    assert!(fetch.overfetch >= 1.0);

    let bytes = meshopt::typed_to_bytes(&vertices);
    let adapter = VertexDataAdapter::new(bytes, std::mem::size_of::<Vertex>(), 0).unwrap();
    let mut err = 0.0f32;
    let simplified = meshopt::simplify(&indices, &adapter, indices.len() / 4, 0.05, SimplifyOptions::LockBorder, Some(&mut err));
    assert!(simplified.len() < indices.len() && simplified.len() % 3 == 0);
    assert!(err >= 0.0);
    let sloppy = meshopt::simplify_sloppy(&indices, &adapter, indices.len() / 8, 0.1, None);
    assert!(sloppy.len() <= indices.len());

    let meshlets = meshopt::build_meshlets(&indices, &adapter, 64, 124, 0.5);
    let tris: usize = meshlets.iter().map(|m| m.triangles.len() / 3).sum();
    assert_eq!(tris, indices.len() / 3);
    let b = meshopt::compute_meshlet_bounds(meshlets.get(0), &adapter);
    assert!(b.radius > 0.0);

    let enc_v = meshopt::encode_vertex_buffer(&vertices).unwrap();
    let dec_v: Vec<Vertex> = meshopt::decode_vertex_buffer(&enc_v, vertices.len()).unwrap();
    assert_eq!(dec_v, vertices);
    let enc_i = meshopt::encode_index_buffer(&indices, vertices.len()).unwrap();
    let dec_i: Vec<u32> = meshopt::decode_index_buffer(&enc_i, indices.len()).unwrap();
    // The index codec may rotate the vertices of a triangle: compare triangles up to rotation.
    let canon = |t: &[u32]| {
        let m = (0..3).min_by_key(|&i| t[i]).unwrap();
        [t[m], t[(m + 1) % 3], t[(m + 2) % 3]]
    };
    assert!(dec_i.chunks(3).zip(indices.chunks(3)).all(|(a, b)| canon(a) == canon(b)));
    let strip = meshopt::stripify(&indices, vertices.len(), !0).unwrap();
    let back = meshopt::unstripify(&strip, !0).unwrap();
    assert_eq!(back.len() / 3, indices.len() / 3);

    let a = ALLOCS.load(Ordering::Relaxed);
    assert!(a > 0 && a == FREES.load(Ordering::Relaxed), "allocs {a}");
    println!(
        "meshopt: {} -> {} unique vertices, acmr {:.3}, simplified {} -> {} (err {err:.4}), {} meshlets, vertex codec {} bytes, index codec {} bytes, {a} allocations",
        verts.len(), unique, stats.acmr, indices.len(), simplified.len(), meshlets.len(), enc_v.len(), enc_i.len()
    );
}
