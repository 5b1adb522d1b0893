// libgit2 (libgit2-sys `vendored` builds its C, with zlib from libz-sys `static`) through the
// git2 crate, on a repository made in a temporary directory (no network): init, blobs, the
// index with an add_all match callback, commits, branches, tags, tree walks with a callback,
// revwalk, diff with file/hunk/line callbacks (Rust closures behind C function pointers and
// payload pointers), status, config, odb foreach, a merge-base and a checkout.
use git2::{BranchType, DiffOptions, IndexAddOption, ObjectType, Oid, Repository, Signature, Sort, StatusOptions, TreeWalkMode, TreeWalkResult};
use std::fs;
use std::path::{Path, PathBuf};

fn write(root: &Path, rel: &str, text: &str) {
    let p = root.join(rel);
    fs::create_dir_all(p.parent().unwrap()).unwrap();
    fs::write(p, text).unwrap();
}

fn commit_all(repo: &Repository, msg: &str, parents: &[&git2::Commit]) -> Oid {
    let mut index = repo.index().unwrap();
    let mut matched = 0;
    index
        .add_all(["*"].iter(), IndexAddOption::DEFAULT, Some(&mut |path: &Path, _spec: &[u8]| {
            matched += 1;
            if path.to_string_lossy().ends_with(".tmp") { 1 } else { 0 }
        }))
        .unwrap();
    index.write().unwrap();
    let tree_id = index.write_tree().unwrap();
    let tree = repo.find_tree(tree_id).unwrap();
    let sig = Signature::new("Corpus", "corpus@example.com", &git2::Time::new(1_700_000_000, 0)).unwrap();
    repo.commit(Some("HEAD"), &sig, &sig, msg, &tree, parents).unwrap()
}

fn temp_dir() -> PathBuf {
    let d = std::env::temp_dir().join(format!("git2-repo-corpus-{}", std::process::id()));
    let _ = fs::remove_dir_all(&d);
    fs::create_dir_all(&d).unwrap();
    d
}

fn main() {
    let dir = temp_dir();
    {
        let repo = Repository::init(&dir).unwrap();
        let mut cfg = repo.config().unwrap();
        cfg.set_str("user.name", "Corpus").unwrap();
        cfg.set_i32("core.abbrev", 10).unwrap();
        assert_eq!(cfg.get_i32("core.abbrev").unwrap(), 10);

        write(&dir, "README.md", "# corpus\n");
        write(&dir, "src/lib.rs", "pub fn f() -> u32 { 1 }\n");
        write(&dir, "skip.tmp", "ignored by the callback\n");
        let c1 = commit_all(&repo, "first", &[]);
        let first = repo.find_commit(c1).unwrap();
        assert!(first.tree().unwrap().get_name("skip.tmp").is_none());

        write(&dir, "src/lib.rs", "pub fn f() -> u32 { 2 }\npub fn g() {}\n");
        write(&dir, "docs/guide.md", "guide\n");
        let c2 = commit_all(&repo, "second", &[&first]);
        let second = repo.find_commit(c2).unwrap();

        let branch = repo.branch("feature", &first, false).unwrap();
        assert_eq!(branch.name().unwrap(), Some("feature"));
        let tag = repo.tag_lightweight("v1", first.as_object(), false).unwrap();
        assert_eq!(tag, c1);
        assert_eq!(repo.merge_base(c1, c2).unwrap(), c1);

        let mut names = Vec::new();
        second
            .tree()
            .unwrap()
            .walk(TreeWalkMode::PreOrder, |root, entry| {
                names.push(format!("{root}{}", entry.name().unwrap()));
                TreeWalkResult::Ok
            })
            .unwrap();
        assert!(names.contains(&"src/lib.rs".to_string()), "{names:?}");

        let mut walk = repo.revwalk().unwrap();
        walk.push_head().unwrap();
        walk.set_sorting(Sort::TOPOLOGICAL | Sort::REVERSE).unwrap();
        let ids: Vec<Oid> = walk.map(|r| r.unwrap()).collect();
        assert_eq!(ids, vec![c1, c2]);

        let mut opts = DiffOptions::new();
        opts.context_lines(1);
        let diff = repo.diff_tree_to_tree(Some(&first.tree().unwrap()), Some(&second.tree().unwrap()), Some(&mut opts)).unwrap();
        let (mut files, mut hunks, mut added) = (0, 0, 0);
        diff.foreach(
            &mut |_delta, _progress| {
                files += 1;
                true
            },
            None,
            Some(&mut |_delta, _hunk| {
                hunks += 1;
                true
            }),
            Some(&mut |_delta, _hunk, line| {
                if line.origin() == '+' {
                    added += 1;
                }
                true
            }),
        )
        .unwrap();
        assert_eq!((files, hunks, added), (2, 2, 3));
        let stats = diff.stats().unwrap();
        assert_eq!(stats.files_changed(), 2);

        write(&dir, "README.md", "# corpus, changed\n");
        let mut so = StatusOptions::new();
        so.include_untracked(true);
        let statuses = repo.statuses(Some(&mut so)).unwrap();
        let modified = statuses.iter().filter(|s| s.status().contains(git2::Status::WT_MODIFIED)).count();
        assert_eq!(modified, 1);

        let blob = repo.blob(b"raw blob bytes").unwrap();
        let odb = repo.odb().unwrap();
        let mut count = 0;
        odb.foreach(|_oid| {
            count += 1;
            true
        })
        .unwrap();
        assert!(count >= 7);
        assert_eq!(odb.read(blob).unwrap().kind(), ObjectType::Blob);

        repo.set_head("refs/heads/feature").unwrap();
        repo.checkout_head(Some(git2::build::CheckoutBuilder::new().force())).unwrap();
        assert!(!dir.join("docs/guide.md").exists());
        let branches = repo.branches(Some(BranchType::Local)).unwrap().count();
        assert_eq!(branches, 2);
        println!("git2: {} commits, {} tree entries, {} objects, diff {files} files {hunks} hunks +{added}", ids.len(), names.len(), count);
    }
    fs::remove_dir_all(&dir).unwrap();
    let v = git2::Version::get();
    println!("libgit2 {:?}", v.libgit2_version());
}
