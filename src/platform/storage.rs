//! Keeping answers on this device: `sessionStorage` by default, so a reload
//! or an accidental back never loses them; `localStorage` when the person
//! chooses "remember on this device". One key, holding the versioned answers
//! document (docs/answers-format.md). See PRIVACY.md.
use web_sys::Storage;

/// The only key the app writes, in either storage.
pub const KEY: &str = "objection-check:answers";

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

/// Erases the answers from both storages at once.
pub fn erase() {
    for place in [Place::Session, Place::Device] {
        if let Some(s) = store(place) {
            let _ = s.remove_item(KEY);
        }
    }
}
