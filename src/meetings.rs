//! Who met whom: meetings between the named people of an article. Filled
//! in by the meetings issue; until then the analysis reports none.

use crate::text::Prepared;
use crate::{Group, Meeting, Mention};

/// The meetings a text reports, one per pair of named participants.
pub fn extract(_p: &Prepared, _mentions: &[Mention], _groups: &[Group]) -> Vec<Meeting> {
    Vec::new()
}
