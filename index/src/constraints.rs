//! Hard constraints of missions (dates, language of instruction, mode) and the soft
//! versions used for village projects.

use time::Date;

use crate::document::OpportunityKind;
use crate::explain::{Mode, Reason};
use crate::features::{ExpertFeatures, ONSITE, OpportunityFeatures, REMOTE};

/// The outcome of checking an expert against an opportunity's constraints.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Check {
    /// False when a hard constraint fails.
    pub eligible: bool,
    /// Constraints met (as reasons).
    pub met: Vec<Reason>,
    /// Hard constraints failed (as reasons).
    pub failed: Vec<Reason>,
}

/// The merged availability window covering `from..=to`, if any.
pub fn covering(windows: &[(i32, i32)], from: i32, to: i32) -> Option<(i32, i32)> {
    let mut sorted: Vec<(i32, i32)> = windows.iter().copied().filter(|(a, b)| a <= b).collect();
    sorted.sort_unstable();
    let mut merged: Vec<(i32, i32)> = Vec::new();
    for (a, b) in sorted {
        match merged.last_mut() {
            Some(last) if a <= last.1 + 1 => last.1 = last.1.max(b),
            _ => merged.push((a, b)),
        }
    }
    merged.into_iter().find(|(a, b)| *a <= from && to <= *b)
}

/// The longest part of `from..=to` inside one availability window (projects: being there
/// for part of a long project still helps).
pub fn longest_overlap(windows: &[(i32, i32)], from: i32, to: i32) -> Option<(i32, i32)> {
    windows
        .iter()
        .map(|(a, b)| ((*a).max(from), (*b).min(to)))
        .filter(|(a, b)| a <= b)
        .max_by_key(|(a, b)| (b - a, -a))
}

fn date(day: i32) -> Option<Date> {
    Date::from_julian_day(day).ok()
}

/// The mode a mission requires (missions without a mode: on site when placed, else remote).
pub fn required_mode(opp: &OpportunityFeatures) -> Option<u8> {
    match opp.kind {
        OpportunityKind::Project => None,
        OpportunityKind::Mission if opp.mode != 0 => Some(opp.mode),
        OpportunityKind::Mission => Some(if opp.region.is_some() { ONSITE } else { REMOTE }),
    }
}

/// Checks `expert` against `opp`: for missions, language and mode are hard, and dates too
/// when on site (the window must cover them); for projects everything here is soft
/// (reasons only, and a window overlapping the project's dates counts).
pub fn check(opp: &OpportunityFeatures, expert: &ExpertFeatures) -> Check {
    let mut out = Check {
        eligible: true,
        ..Check::default()
    };
    let mode = required_mode(opp);
    let hard_dates = mode == Some(ONSITE);
    if let Some((from, to)) = opp.dates
        && !expert.windows.is_empty()
    {
        let found = if mode.is_none() {
            longest_overlap(&expert.windows, from, to)
        } else {
            covering(&expert.windows, from, to)
        };
        match found {
            Some((a, b)) => {
                if let (Some(a), Some(b)) = (date(a), date(b)) {
                    out.met.push(Reason::Available { from: a, to: b });
                }
            }
            None if hard_dates => {
                out.eligible = false;
                if let (Some(a), Some(b)) = (date(from), date(to)) {
                    out.failed.push(Reason::NotAvailable { from: a, to: b });
                }
            }
            None => {}
        }
    }
    if let Some(code) = opp.language {
        if expert.languages.contains(&code) {
            out.met.push(Reason::SpeaksLanguage {
                code: code.as_str().to_string(),
            });
        } else if mode.is_some() {
            out.eligible = false;
            out.failed.push(Reason::LacksLanguage {
                code: code.as_str().to_string(),
            });
        }
    }
    if let Some(bits) = mode {
        let wanted = if bits & ONSITE != 0 {
            Mode::Onsite
        } else {
            Mode::Remote
        };
        if expert.modes & bits != 0 {
            out.met.push(Reason::AcceptsMode { mode: wanted });
        } else if expert.modes != 0 {
            out.eligible = false;
            out.failed.push(Reason::RefusesMode { mode: wanted });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adjacent_windows_merge_to_cover_a_mission() {
        assert_eq!(covering(&[(10, 20), (21, 40)], 15, 30), Some((10, 40)));
        assert_eq!(covering(&[(10, 20), (22, 40)], 15, 30), None);
        assert_eq!(
            covering(&[(30, 20)], 25, 25),
            None,
            "inverted windows are ignored"
        );
        assert_eq!(covering(&[], 1, 2), None);
        assert_eq!(longest_overlap(&[(1, 5), (8, 30)], 4, 20), Some((8, 20)));
        assert_eq!(longest_overlap(&[(1, 3)], 4, 20), None);
    }
}
