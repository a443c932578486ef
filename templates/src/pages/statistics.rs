//! The statistics page: the `stats` views' body inside the site layout.

use crate::i18n::catalog::C;
use crate::layout::{PageContext, page};
use crate::stats::page::{StatisticsView, statistics_body};
use maud::Markup;

/// The statistics page (figures, maps and tables are built by [`crate::stats`]).
pub fn statistics(ctx: &PageContext, v: &StatisticsView) -> Markup {
    page(
        ctx,
        ctx.t(C::NavStatistics),
        statistics_body(v, ctx.lang.code()),
    )
}
