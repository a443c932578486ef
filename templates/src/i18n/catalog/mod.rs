//! The string catalogue: one enum of keys per area, each key declared with its French and
//! English text side by side, so a key without a translation does not compile.
//!
//! Use [`t`] (or [`Lang::t`](super::Lang::t)); texts with `{name}` placeholders go through
//! [`fill`](super::fill) or [`Lang::plural`](super::Lang::plural).

use super::Lang;

/// A catalogue key: a string in French and in English.
pub trait Msg: Copy {
    /// The French text.
    fn fr(self) -> &'static str;
    /// The English text.
    fn en(self) -> &'static str;
}

/// The text of `key` in `lang`.
pub fn t(lang: Lang, key: impl Msg) -> &'static str {
    match lang {
        Lang::Fr => key.fr(),
        Lang::En => key.en(),
    }
}

/// Declares a key enum: `Key => "français", "English";` per line (both texts are required).
macro_rules! catalog {
    ($(#[$meta:meta])* $name:ident { $($key:ident => $fr:literal, $en:literal;)* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $name {
            $(#[doc = concat!("English: `", $en, "`")] $key,)*
        }
        impl $name {
            /// Every key of this enum, in declaration order.
            pub const ALL: &[$name] = &[$($name::$key),*];
        }
        impl $crate::i18n::catalog::Msg for $name {
            fn fr(self) -> &'static str {
                match self { $($name::$key => $fr,)* }
            }
            fn en(self) -> &'static str {
                match self { $($name::$key => $en,)* }
            }
        }
    };
}

mod account;
mod common;
mod expert;
mod messages;
mod opportunity;
mod org;
mod site;

pub use account::Auth;
pub use common::{C, F};
pub use expert::Ex;
pub use messages::{Note, V, Why};
pub use opportunity::Op;
pub use org::{Api, Org};
pub use site::{Adm, Site};

/// Every key of every area as (French, English) pairs, for tests and tooling.
pub fn all_pairs() -> Vec<(&'static str, &'static str)> {
    fn pairs<K: Msg>(keys: &[K]) -> impl Iterator<Item = (&'static str, &'static str)> + '_ {
        keys.iter().map(|k| (k.fr(), k.en()))
    }
    pairs(C::ALL)
        .chain(pairs(F::ALL))
        .chain(pairs(Auth::ALL))
        .chain(pairs(Ex::ALL))
        .chain(pairs(Op::ALL))
        .chain(pairs(Org::ALL))
        .chain(pairs(Api::ALL))
        .chain(pairs(Site::ALL))
        .chain(pairs(Adm::ALL))
        .chain(pairs(Note::ALL))
        .chain(pairs(V::ALL))
        .chain(pairs(Why::ALL))
        .collect()
}
