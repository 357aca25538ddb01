//! The engine's shared vocabulary: the routes a check can end in, the special
//! categories of Art. 9(1), how strong the Art. 9 argument is, and what the
//! Art. 9 answers establish. Content conditions, the assessment and the lint
//! all speak of these; this module depends on nothing but the answers' data.
#![warn(missing_docs)]
use serde::Serialize;

use super::answer::Answers;

/// What the person can do, decided by the route rules in `content/outcomes.toml`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Route {
    /// Object on grounds relating to one's particular situation (Art. 21(1)).
    ObjectArt21,
    /// Object to direct marketing: absolute (Art. 21(2)-(3)).
    ObjectArt21Marketing,
    /// Consent-based: withdraw it (Art. 7(3)).
    WithdrawConsent,
    /// Contract, legal obligation, vital interests: no Art. 21 right.
    NoArt21Right,
    /// Basis unknown: ask for it (Art. 13/14/15) and object anyway.
    AskLegalBasis,
    /// Living in Switzerland, with an organisation not established in the
    /// EU/EEA (or not known to be): object under the Swiss Federal Act on
    /// Data Protection (Art. 30(2)(b), 31 and 32 FADP).
    ObjectFadp,
    /// Outside the EU/EEA and UK (Art. 3).
    GdprNotApplicable,
}

impl Route {
    /// Every route, in the order of the enum.
    pub const ALL: [Route; 7] = [
        Route::ObjectArt21,
        Route::ObjectArt21Marketing,
        Route::WithdrawConsent,
        Route::NoArt21Right,
        Route::AskLegalBasis,
        Route::ObjectFadp,
        Route::GdprNotApplicable,
    ];

    /// A route under the GDPR or the UK GDPR (deadlines of Art. 12(3),
    /// authorities of Art. 77, the organisation's forms).
    pub fn is_gdpr(self) -> bool {
        !matches!(self, Route::ObjectFadp | Route::GdprNotApplicable)
    }

    /// Its id in `content/outcomes.toml`, in route conditions and in its
    /// texts (`route.<id>.*`).
    pub fn id(self) -> &'static str {
        match self {
            Route::ObjectArt21 => "object_art21",
            Route::ObjectArt21Marketing => "object_art21_marketing",
            Route::WithdrawConsent => "withdraw_consent",
            Route::NoArt21Right => "no_art21_right",
            Route::AskLegalBasis => "ask_legal_basis",
            Route::ObjectFadp => "object_fadp",
            Route::GdprNotApplicable => "gdpr_not_applicable",
        }
    }

    /// The route with this id, or `None` for an unknown one.
    pub fn from_id(id: &str) -> Option<Route> {
        Route::ALL.into_iter().find(|r| r.id() == id)
    }
}

/// The special categories of Art. 9(1) GDPR, the choices of the Art. 9 page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SpecialCategory {
    /// Racial or ethnic origin.
    RacialEthnic,
    /// Political opinions.
    Political,
    /// Religious or philosophical beliefs.
    Religious,
    /// Trade union membership.
    TradeUnion,
    /// Genetic data.
    Genetic,
    /// Biometric data; on the Art. 9 page, the person's face (biometric data
    /// only when processed to identify them uniquely).
    Biometric,
    /// Data concerning health.
    Health,
    /// Data concerning sex life.
    SexLife,
    /// Data concerning sexual orientation.
    SexualOrientation,
}

impl SpecialCategory {
    /// Every category, in the order of Art. 9(1) and of the Art. 9 page.
    pub const ALL: [SpecialCategory; 9] = [
        SpecialCategory::RacialEthnic,
        SpecialCategory::Political,
        SpecialCategory::Religious,
        SpecialCategory::TradeUnion,
        SpecialCategory::Genetic,
        SpecialCategory::Biometric,
        SpecialCategory::Health,
        SpecialCategory::SexLife,
        SpecialCategory::SexualOrientation,
    ];

    /// The id of its text (`art9.category.<id>`), and of the question that
    /// asked about it before the Art. 9 page (answers saved then still hold it).
    pub fn id(self) -> &'static str {
        match self {
            SpecialCategory::RacialEthnic => "art9_racial_ethnic",
            SpecialCategory::Political => "art9_political",
            SpecialCategory::Religious => "art9_religious",
            SpecialCategory::TradeUnion => "art9_trade_union",
            SpecialCategory::Genetic => "art9_genetic",
            SpecialCategory::Biometric => "art9_biometric",
            SpecialCategory::Health => "art9_health",
            SpecialCategory::SexLife => "art9_sex_life",
            SpecialCategory::SexualOrientation => "art9_sexual_orientation",
        }
    }

    /// Its choice on the Art. 9 page.
    pub fn choice(self) -> &'static str {
        &self.id()["art9_".len()..]
    }

    /// Whether the person ticked it on the Art. 9 page.
    pub fn ticked(self, answers: &Answers) -> bool {
        answers.get(ART9).is_some_and(|v| v.values().iter().any(|c| c == self.choice()))
    }
}

/// The Art. 9 page: the categories the person's posts or photos may show.
pub const ART9: &str = "art9";
/// Its choice "not sure".
pub const ART9_NOT_SURE: &str = "not_sure";

/// The question whether sensitive data were deliberately made public (Art. 9(2)(e)).
pub const MADE_PUBLIC: &str = "art9_made_public";

/// How strong the Art. 9 argument is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Strength {
    /// A category revealed, and not deliberately made public to everyone: the
    /// Art. 9(2)(e) exception does not apply (C-252/21 paras 77-83).
    Strong,
    /// Only "not sure" answers, or unsure whether it was made public.
    Moderate,
    /// Deliberately made public: Art. 9(2)(e) may lift the prohibition for the
    /// person's own data.
    Limited,
}

impl Strength {
    /// Every strength, strongest first.
    pub const ALL: [Strength; 3] = [Strength::Strong, Strength::Moderate, Strength::Limited];

    /// Its id in `art9` conditions and in its text (`art9.level.<id>`).
    pub fn id(self) -> &'static str {
        match self {
            Strength::Strong => "strong",
            Strength::Moderate => "moderate",
            Strength::Limited => "limited",
        }
    }
}

/// What the Art. 9 answers establish, as the `art9` condition of the
/// outcomes sees it: the strength of the argument from the categories other
/// than biometric data, and three tags.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Art9Facts {
    /// `strong`, `moderate` or `limited`: how strong the argument is; `None`
    /// when neither a category other than biometric data nor "not sure" is
    /// ticked.
    pub strength: Option<Strength>,
    /// `revealed`: a category other than biometric data ticked.
    pub revealed: bool,
    /// `unsure`: "not sure" ticked.
    pub unsure: bool,
    /// `face`: "your face" ticked (photos or videos that show it).
    pub face: bool,
}

impl Art9Facts {
    /// Every tag an `art9` condition may name.
    pub const TAGS: [&'static str; 6] = ["strong", "moderate", "limited", "revealed", "unsure", "face"];

    /// Whether these facts carry `tag` (a strength's id or one of the three tags).
    pub fn has(&self, tag: &str) -> bool {
        match tag {
            "revealed" => self.revealed,
            "unsure" => self.unsure,
            "face" => self.face,
            _ => self.strength.is_some_and(|s| s.id() == tag),
        }
    }
}
