//! Fuzzes the interchange-format reader with arbitrary text as each of the three kinds of
//! file: it never panics; a refusal names lines that exist; an accepted record, written
//! back in the interchange format, reads back as the same record.

#![no_main]

use libfuzzer_sys::fuzz_target;
use passerelle::interchange::reader::{FileKind, read_str};
use passerelle::interchange::records::{ExpertLine, MissionLine, ProjectLine};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let lines = text.lines().count();
    for kind in [FileKind::Experts, FileKind::Missions, FileKind::Projects] {
        match read_str("fuzz.jsonl", text, kind) {
            Ok(parsed) => {
                let mut again = String::new();
                for e in &parsed.experts {
                    again.push_str(&serde_json::to_string(&ExpertLine::from(e)).unwrap());
                    again.push('\n');
                }
                for m in &parsed.missions {
                    again.push_str(&serde_json::to_string(&MissionLine::from(m)).unwrap());
                    again.push('\n');
                }
                for p in &parsed.projects {
                    again.push_str(&serde_json::to_string(&ProjectLine::from(p)).unwrap());
                    again.push('\n');
                }
                let reread = read_str("again.jsonl", &again, kind)
                    .unwrap_or_else(|e| panic!("written records refused: {e:?}\n{again}"));
                assert_eq!(reread.experts, parsed.experts);
                assert_eq!(reread.missions, parsed.missions);
                assert_eq!(reread.projects, parsed.projects);
            }
            Err(errors) => {
                assert!(!errors.is_empty(), "a refusal says why");
                for e in &errors {
                    assert!(e.line <= lines.max(1), "{e} names line {} of {lines}", e.line);
                    assert!(!e.message.is_empty(), "{e} has a reason");
                }
            }
        }
    }
});
