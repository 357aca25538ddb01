//! Files made and read in the browser: downloads (.txt, .ics, .json) via a Blob
//! URL, reading an imported file, and the clipboard. Nothing is uploaded.
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Offers `text` as a file download with this name and MIME type.
pub fn download(file_name: &str, mime: &str, text: &str) -> Result<(), String> {
    let err = |e: JsValue| format!("{e:?}");
    let window = web_sys::window().ok_or("no window")?;
    let doc = window.document().ok_or("no document")?;
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(&format!("{mime};charset=utf-8"));
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).map_err(err)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(err)?;
    let a: web_sys::HtmlAnchorElement = doc.create_element("a").map_err(err)?.unchecked_into();
    a.set_href(&url);
    a.set_download(file_name);
    a.set_hidden(true);
    let body = doc.body().ok_or("no body")?;
    body.append_child(&a).map_err(err)?;
    a.click();
    let _ = body.remove_child(&a);
    // Revoke after the browser has started the download.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 1000);
    Ok(())
}

/// Copies text to the clipboard. Fails where the browser has no clipboard API
/// (insecure context) or refuses.
pub async fn copy(text: &str) -> Result<(), String> {
    let clipboard = web_sys::window().ok_or("no window")?.navigator().clipboard();
    if JsValue::from(clipboard.clone()).is_undefined() {
        return Err("no clipboard".into());
    }
    JsFuture::from(clipboard.write_text(text)).await.map(|_| ()).map_err(|e| format!("{e:?}"))
}

/// Reads a chosen file as text (the caller checks its size first).
pub async fn read_text(file: web_sys::File) -> Result<String, String> {
    let text = JsFuture::from(file.text()).await.map_err(|e| format!("{e:?}"))?;
    text.as_string().ok_or_else(|| "not text".into())
}
