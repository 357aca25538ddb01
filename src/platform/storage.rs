//! Keeping answers on this device: `sessionStorage` by default, so a reload
//! or an accidental back never loses them; `localStorage` when the person
//! chooses "remember on this device". One key holds the versioned answers
//! document (docs/answers-format.md); a second one, only while there is
//! one, keeps stored answers that could not all be read, as they were,
//! until the person discards them. See PRIVACY.md.
use web_sys::Storage;

/// The only key the app writes, in either storage.
pub const KEY: &str = "objection-check:answers";

/// Where stored answers that could not all be read are kept, as they were.
pub const ORIGINAL_KEY: &str = "objection-check:saved-original";

/// Where answers are kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// Until the tab is closed.
    Session,
    /// Until erased ("remember on this device").
    Device,
}

fn store(place: Place) -> Option<Storage> {
    let w = web_sys::window()?;
    match place {
        Place::Session => w.session_storage().ok().flatten(),
        Place::Device => w.local_storage().ok().flatten(),
    }
}

/// The stored document and where it was found (device first, then session).
pub fn load() -> Option<(String, Place)> {
    for place in [Place::Device, Place::Session] {
        if let Some(text) = store(place).and_then(|s| s.get_item(KEY).ok().flatten()) {
            return Some((text, place));
        }
    }
    None
}

/// Saves the document in `place` and removes it from the other place.
pub fn save(place: Place, json: &str) {
    if let Some(s) = store(place) {
        let _ = s.set_item(KEY, json);
    }
    let other = if place == Place::Session { Place::Device } else { Place::Session };
    if let Some(s) = store(other) {
        let _ = s.remove_item(KEY);
    }
}

/// Erases the answers from both storages at once (not a kept original:
/// see [`discard_original`]).
pub fn erase() {
    remove(KEY);
}

fn remove(key: &str) {
    for place in [Place::Session, Place::Device] {
        if let Some(s) = store(place) {
            let _ = s.remove_item(key);
        }
    }
}

/// The kept original of answers that could not all be read, if any.
pub fn original() -> Option<String> {
    [Place::Device, Place::Session].into_iter().find_map(|place| store(place)?.get_item(ORIGINAL_KEY).ok().flatten())
}

/// Keeps `text` (stored answers that could not all be read) in `place`,
/// and in no other, unless it is kept there already. Whether it is kept.
pub fn keep_original(place: Place, text: &str) -> bool {
    let Some(s) = store(place) else { return false };
    if s.get_item(ORIGINAL_KEY).ok().flatten().as_deref() == Some(text) {
        return true;
    }
    let kept = s.set_item(ORIGINAL_KEY, text).is_ok();
    let other = if place == Place::Session { Place::Device } else { Place::Session };
    if kept {
        if let Some(o) = store(other) {
            let _ = o.remove_item(ORIGINAL_KEY);
        }
    }
    kept
}

/// Removes the kept original from both storages.
pub fn discard_original() {
    remove(ORIGINAL_KEY);
}
