// Oniguruma (onig_sys builds its C with cc) through the onig crate: compiling patterns
// (onig_new with an error-info out-param), searches filling an OnigRegion that C allocates
// and Rust frees through the crate, named groups listed by onig_foreach_name with a Rust
// callback and payload, onig_scan with a Rust callback over every match, a region reused by
// anchored matches (onig_match), replacement, splitting, Ruby and Perl syntaxes, and errors
// converted by onig_error_code_to_str into a Rust buffer.
use onig::{Captures, Regex, RegexOptions, Region, SearchOptions, Syntax};
use std::cell::RefCell;

fn main() {
    let date = Regex::new(r"(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})").unwrap();
    let text = "released 2024-03-15, patched 2024-04-01 and 2025-01-20";
    let caps = date.captures(text).unwrap();
    assert_eq!(caps.at(1), Some("2024"));
    assert_eq!(caps.at(3), Some("15"));
    let all: Vec<String> = date.find_iter(text).map(|(s, e)| text[s..e].to_string()).collect();
    assert_eq!(all, ["2024-03-15", "2024-04-01", "2025-01-20"]);

    let mut names = Vec::new();
    date.foreach_name(|name, groups| {
        names.push((name.to_string(), groups.to_vec()));
        true
    });
    names.sort();
    assert_eq!(names, [("day".to_string(), vec![3]), ("month".to_string(), vec![2]), ("year".to_string(), vec![1])]);
    assert_eq!(date.capture_names_len(), 3);

    let mut region = Region::new();
    let at = date.search_with_options(text, 20, text.len(), SearchOptions::SEARCH_OPTION_NONE, Some(&mut region));
    assert_eq!(at, Some(29));
    assert_eq!(region.pos(2), Some((34, 36)));
    assert_eq!(region.len(), 4);

    let seen = RefCell::new(Vec::new());
    date.scan(text, |n, c: Captures| {
        seen.borrow_mut().push((n, c.at(1).unwrap().to_string()));
        true
    });
    assert_eq!(seen.borrow().len(), 3);
    assert_eq!(seen.borrow()[2], (2, "2025".to_string()));

    let swapped = date.replace_all(text, |c: &Captures| format!("{}/{}/{}", c.at(3).unwrap(), c.at(2).unwrap(), c.at(1).unwrap()));
    assert_eq!(swapped, "released 15/03/2024, patched 01/04/2024 and 20/01/2025");
    let parts: Vec<&str> = Regex::new(r",\s*|\s+and\s+").unwrap().split(text).collect();
    assert_eq!(parts.len(), 3);

    let ci = Regex::with_options("hello wörld", RegexOptions::REGEX_OPTION_IGNORECASE, Syntax::ruby()).unwrap();
    assert_eq!(ci.find("say HELLO WöRLD").map(|(s, _)| s), Some(4));
    assert!(ci.is_match("Hello Wörld"));
    let perl = Regex::with_options(r"(\w+)@(\w+)\.com", RegexOptions::REGEX_OPTION_NONE, Syntax::perl()).unwrap();
    let c = perl.captures("mail bob@example.com now").unwrap();
    assert_eq!(c.at(2), Some("example"));

    // A region reused across anchored matches at given positions (onig_match).
    let word = Regex::new(r"(\w+)(\s*)").unwrap();
    let mut r2 = Region::with_capacity(4);
    let sentence = "one two  three";
    let mut pos = 0;
    let mut nodes = 0;
    while let Some(len) = word.match_with_options(sentence, pos, SearchOptions::SEARCH_OPTION_NONE, Some(&mut r2)) {
        assert_eq!(r2.pos(0), Some((pos, pos + len)));
        nodes += 1;
        pos += len;
        if pos >= sentence.len() {
            break;
        }
    }
    assert_eq!(nodes, 3);

    let err = Regex::new(r"(unclosed").unwrap_err();
    assert!(err.description().contains("end pattern with unmatched parenthesis"), "{}", err.description());
    println!("onig {}: {} dates, names {:?}, {} anchored words, error '{}'", onig::version(), all.len(), names, nodes, err.description());
}
