//! Scores one (opportunity, expert) pair: hard constraints first, then soft evidence —
//! skills and concepts, text similarity, discipline, doctorate, and for village projects
//! origin, funding, language and dates.

use crate::constraints::{Check, check};
use crate::document::OpportunityKind;
use crate::explain::Reason;
use crate::features::{ExpertFeatures, FUNDING, OpportunityFeatures, TEACHING};
use crate::scoring::{self, Evidence, Expanded};
use crate::stats::Stats;
use crate::vocabulary::Vocabulary;

/// Weight of skill coverage.
const W_SKILL: f32 = 0.60;
/// Weight of BM25 text similarity (normalised to the best candidate).
const W_TEXT: f32 = 0.20;
/// Weight of the discipline.
const W_DISCIPLINE: f32 = 0.10;
/// Bonus for a doctorate on doctoral-level teaching.
const W_DOCTORATE: f32 = 0.05;
/// Project bonus for the same home commune.
const W_COMMUNE: f32 = 0.25;
/// Project bonus for the same home region (without the commune).
const W_REGION: f32 = 0.12;
/// Project bonus for a funding offer when funding is sought.
const W_FUNDING: f32 = 0.12;
/// Small bonuses: language, dates, teaching offer.
const W_SMALL: f32 = 0.03;
/// Evidence for one listed skill needed before origin and funding count fully.
const RELEVANCE_GATE: f32 = 0.4;

/// Everything known about a pair after scoring.
#[derive(Debug, Clone)]
pub struct Assessment {
    /// Final score (higher is better; compare only among eligible or among ineligible).
    pub score: f32,
    /// Hard constraints.
    pub check: Check,
    /// Best evidence per wanted phrase.
    pub evidence: Vec<Option<Evidence>>,
    /// Discipline similarity.
    pub discipline: f32,
    /// Doctorate bonus applied.
    pub doctorate: bool,
    /// Same commune.
    pub same_commune: bool,
    /// Same region.
    pub same_region: bool,
    /// Funding offer meets a funding need.
    pub funding: bool,
}

/// Scores `expert` for `opp`. `wanted_map` is the expansion of `opp.phrases`.
pub fn assess(
    opp: &OpportunityFeatures,
    wanted_map: &Expanded,
    expert: &ExpertFeatures,
    text: f32,
    vocab: &Vocabulary,
    stats: &Stats,
) -> Assessment {
    let check = check(opp, expert);
    let wanted = opp.phrases.list();
    let has = expert.phrases.list();
    let evidence = scoring::evidence(&wanted, wanted_map, &has, vocab, stats);
    let skill = scoring::coverage(&wanted, &evidence, stats);
    let discipline = scoring::discipline(&wanted, &evidence);
    let doctorate = opp.doctoral && expert.doctorate;
    let mut score = W_SKILL * skill + W_TEXT * text + W_DISCIPLINE * discipline;
    if doctorate {
        score += W_DOCTORATE;
    }
    // Origin and funding raise the rank of experts who have a wanted skill, not of anyone.
    let listed = scoring::best_listed_skill(&wanted, &evidence).unwrap_or(skill);
    let relevance = ((listed + 0.2 * text) / RELEVANCE_GATE).min(1.0);
    let speaks = check
        .met
        .iter()
        .any(|r| matches!(r, Reason::SpeaksLanguage { .. }));
    let available = check
        .met
        .iter()
        .any(|r| matches!(r, Reason::Available { .. }));
    let mut out = Assessment {
        score,
        check,
        evidence,
        discipline,
        doctorate,
        same_commune: false,
        same_region: false,
        funding: false,
    };
    match opp.kind {
        OpportunityKind::Project => {
            out.same_commune = opp.commune.is_some() && opp.commune == expert.commune;
            out.same_region = opp.region.is_some() && opp.region == expert.region;
            out.funding = opp.seeks_funding && expert.offers & FUNDING != 0;
            let mut bonus = 0.0;
            if out.same_commune {
                bonus += W_COMMUNE;
            } else if out.same_region {
                bonus += W_REGION;
            }
            if out.funding {
                bonus += W_FUNDING;
            }
            if speaks {
                bonus += W_SMALL;
            }
            if available {
                bonus += W_SMALL;
            }
            out.score += relevance * bonus;
        }
        OpportunityKind::Mission => {
            if expert.offers & TEACHING != 0 {
                out.score += relevance * W_SMALL;
            }
        }
    }
    out
}
