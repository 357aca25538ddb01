//! The pages a link preview reads, one per language (`de.html`, ..., next to
//! the app): a preview shows the page's Open Graph title, description and
//! image, and crawlers read neither scripts nor a link's `#lang=`. A person
//! who opens one is taken to the check in that language, with the link's own
//! presets (`de.html#controller=meta&country=be`; `share.js`, and without
//! scripts a plain refresh to `./#lang=de`). Also the card each preview image
//! is rendered from (`scripts/og-images`). Written by the build
//! (src/bin/prerender.rs); nothing here runs in the browser app.
use super::{escape, t};
use crate::engine::Lang;

/// The locale Open Graph names for a language's readers.
fn og_locale(lang: Lang) -> &'static str {
    match lang {
        Lang::De => "de_DE",
        Lang::Fr => "fr_FR",
        Lang::Es => "es_ES",
        Lang::It => "it_IT",
        Lang::Pl => "pl_PL",
        Lang::Nl => "nl_NL",
        Lang::En => "en_GB",
    }
}

/// The file name of `lang`'s preview page.
pub fn page_name(lang: Lang) -> String {
    format!("{}.html", lang.code())
}

/// The file name of `lang`'s preview image (in `public/`).
pub fn image_name(lang: Lang) -> String {
    format!("og-image-{}.png", lang.code())
}

/// `lang`'s preview page.
pub fn page(lang: Lang) -> String {
    let code = lang.code();
    let text = |id: &str| escape(&t(lang, id));
    let (title, description, alt) = (text("ui.share.title"), text("ui.share.description"), text("ui.share.image_alt"));
    let image = image_name(lang);
    let alternates: String =
        Lang::ALL.iter().filter(|l| **l != lang).map(|l| format!("<meta property=\"og:locale:alternate\" content=\"{}\">", og_locale(*l))).collect();
    format!(
        "<!doctype html>\n<html lang=\"{code}\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; base-uri 'none'; object-src 'none'; form-action 'none'\">\
<meta name=\"referrer\" content=\"no-referrer\"><link rel=\"icon\" href=\"data:,\">\
<title>{title}</title><meta name=\"description\" content=\"{description}\">\
<meta property=\"og:type\" content=\"website\"><meta property=\"og:title\" content=\"{title}\">\
<meta property=\"og:description\" content=\"{description}\"><meta property=\"og:image\" content=\"{image}\">\
<meta property=\"og:image:width\" content=\"1200\"><meta property=\"og:image:height\" content=\"630\">\
<meta property=\"og:image:alt\" content=\"{alt}\"><meta property=\"og:locale\" content=\"{locale}\">{alternates}\
<meta name=\"twitter:card\" content=\"summary_large_image\"><meta name=\"twitter:title\" content=\"{title}\">\
<meta name=\"twitter:description\" content=\"{description}\"><meta name=\"twitter:image\" content=\"{image}\">\
<meta name=\"twitter:image:alt\" content=\"{alt}\">\
<script src=\"share.js\"></script><meta http-equiv=\"refresh\" content=\"0; url=./#lang={code}\">\
</head><body><main><h1>{title}</h1><p>{description}</p><p><a href=\"./#lang={code}\">{open}</a></p></main></body></html>\n",
        locale = og_locale(lang),
        open = text("ui.share.open"),
    )
}

/// The card `lang`'s preview image is a screenshot of (1200 x 630, with
/// tools/og/card.css next to it).
pub fn card(lang: Lang) -> String {
    let text = |id: &str| escape(&t(lang, id));
    format!(
        "<!doctype html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><link rel=\"stylesheet\" href=\"card.css\"></head>\n<body><div class=\"card\">\n{}\n<h1>{}</h1>\n<p>{}</p>\n<p class=\"small\">{}</p>\n</div></body></html>\n",
        lang.code(),
        r##"<svg viewBox="0 0 512 512" width="150" height="150"><rect width="512" height="512" rx="96" fill="#fff"/><path d="M256 84l148 56v104c0 96-62 164-148 196-86-32-148-100-148-196V140z" fill="#1d4ed8"/><path d="M196 262l44 44 84-92" fill="none" stroke="#fff" stroke-width="36" stroke-linecap="round" stroke-linejoin="round"/></svg>"##,
        text("ui.start.heading"),
        text("ui.share.card_line"),
        text("ui.share.card_small"),
    )
}
