//! Images and files: uploaded as `multipart/form-data`, kept in memory, and
//! served back to the app that uploaded them.
//!
//! A form is read part by part as it arrives; a file is refused as soon as
//! it passes its endpoint's documented size (`max_bytes` in the spec,
//! checked here with the platform's own limits), before the rest is read.
//! A file part needs neither a `Content-Type` nor a file name: the official
//! Python SDK sends neither (an image's type is then told from its bytes).

use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::multipart::{Multipart, MultipartRejection};
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use lark_runtime::upload::content_type_of;
use lark_sdk::im::v1::{
    CreateFileError, CreateFileRequest, CreateImageError, CreateImageRequest, FileType,
    GetFileError, GetFileRequest, GetImageError, GetImageRequest, ImageType,
};
use serde_json::json;

use super::{Reply, endpoint, guard};
use crate::Shared;
use crate::ids;
use crate::world::{StoredFile, StoredKind};

/// The platform's limits: images 10 MB, files 30 MB.
const IMAGE_LIMIT: usize = 10 * 1024 * 1024;
const FILE_LIMIT: usize = 30 * 1024 * 1024;

pub fn routes(router: Router<Arc<Shared>>) -> Router<Arc<Shared>> {
    // The whole request may be a little over the file's limit (the other
    // parts, the boundaries); the file itself is measured as it comes.
    let uploads = Router::new();
    let uploads = endpoint::<CreateImageRequest, _, _>(uploads, create_image);
    let uploads = endpoint::<CreateFileRequest, _, _>(uploads, create_file)
        .layer(DefaultBodyLimit::max(FILE_LIMIT + 1024 * 1024));
    let router = router.merge(uploads);
    let router = endpoint::<GetImageRequest, _, _>(router, get_image);
    endpoint::<GetFileRequest, _, _>(router, get_file)
}

/// A form as read: its text parts, and its one file.
#[derive(Default)]
struct ReadForm {
    texts: Vec<(String, String)>,
    file: Option<Part>,
}

struct Part {
    bytes: Bytes,
    content_type: Option<String>,
    file_name: Option<String>,
}

impl ReadForm {
    fn text(&self, name: &str) -> Option<&str> {
        self.texts
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// What is wrong with a form.
enum FormProblem {
    /// Not a form, or cut short.
    Malformed,
    /// The file passed the limit.
    TooLarge,
}

/// Reads a form whose file part is `file_part`, at most `limit` bytes.
async fn read_form(
    form: Result<Multipart, MultipartRejection>,
    file_part: &str,
    limit: usize,
) -> Result<ReadForm, FormProblem> {
    let mut form = form.map_err(|_| FormProblem::Malformed)?;
    let mut read = ReadForm::default();
    while let Some(mut field) = form
        .next_field()
        .await
        .map_err(|_| FormProblem::Malformed)?
    {
        let name = field.name().unwrap_or_default().to_owned();
        if name != file_part {
            let text = field.text().await.map_err(|_| FormProblem::Malformed)?;
            read.texts.push((name, text));
            continue;
        }
        // The official Python SDK sends its files with neither a
        // `Content-Type` nor a file name: both are optional.
        let content_type = field.content_type().map(str::to_owned);
        let file_name = field.file_name().map(str::to_owned);
        let mut bytes = Vec::new();
        while let Some(chunk) = field.chunk().await.map_err(|_| FormProblem::Malformed)? {
            if bytes.len() + chunk.len() > limit {
                return Err(FormProblem::TooLarge);
            }
            bytes.extend_from_slice(&chunk);
        }
        read.file = Some(Part {
            bytes: Bytes::from(bytes),
            content_type,
            file_name,
        });
    }
    Ok(read)
}

/// The image formats the platform takes, by their first bytes: the
/// format's content type.
fn image_type_of(bytes: &[u8]) -> Option<&'static str> {
    content_type_of(bytes).filter(|t| t.starts_with("image/"))
}

async fn create_image(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    form: Result<Multipart, MultipartRejection>,
) -> Reply {
    let caller = match guard::<CreateImageRequest>(
        &shared,
        &headers,
        Reply::spec(CreateImageError::UNAUTHORIZED),
    )
    .await
    {
        Ok(caller) => caller,
        Err(reply) => return reply,
    };
    let form = match read_form(form, "image", IMAGE_LIMIT).await {
        Ok(form) => form,
        Err(FormProblem::TooLarge) => return Reply::spec(CreateImageError::FILE_TOO_LARGE),
        Err(FormProblem::Malformed) => {
            return Reply::spec(CreateImageError::INVALID_REQUEST_PARAM);
        }
    };
    let known = form
        .text("image_type")
        .is_some_and(|t| !ImageType::from(t).is_unknown());
    let (Some(mut image), true) = (form.file, known) else {
        return Reply::spec(CreateImageError::INVALID_REQUEST_PARAM);
    };
    if image.bytes.is_empty() {
        return Reply::spec(CreateImageError::EMPTY_FILE);
    }
    let Some(format) = image_type_of(&image.bytes) else {
        return Reply::spec(CreateImageError::UNRECOGNIZED_IMAGE_FORMAT);
    };
    image.content_type.get_or_insert_with(|| format.to_owned());
    let key = format!("img_v3_{}", ids::short(&ids::message_id(), "om_"));
    store(&shared, &key, StoredKind::Image, &caller, image);
    Reply::ok(json!({ "image_key": key }))
}

async fn create_file(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    form: Result<Multipart, MultipartRejection>,
) -> Reply {
    let caller = match guard::<CreateFileRequest>(
        &shared,
        &headers,
        Reply::spec(CreateFileError::UNAUTHORIZED),
    )
    .await
    {
        Ok(caller) => caller,
        Err(reply) => return reply,
    };
    let form = match read_form(form, "file", FILE_LIMIT).await {
        Ok(form) => form,
        Err(FormProblem::TooLarge) => return Reply::spec(CreateFileError::FILE_TOO_LARGE),
        Err(FormProblem::Malformed) => return Reply::spec(CreateFileError::INVALID_REQUEST_PARAM),
    };
    let known = form
        .text("file_type")
        .is_some_and(|t| !FileType::from(t).is_unknown());
    let name = form
        .text("file_name")
        .filter(|n| !n.is_empty())
        .map(str::to_owned);
    // An empty `duration` is none: the official Python SDK sends one for
    // every file without a duration.
    let duration_ok = form
        .text("duration")
        .filter(|d| !d.is_empty())
        .is_none_or(|d| d.parse::<i32>().is_ok());
    let (Some(mut file), Some(name), true, true) = (form.file, name, known, duration_ok) else {
        return Reply::spec(CreateFileError::INVALID_REQUEST_PARAM);
    };
    if file.bytes.is_empty() {
        return Reply::spec(CreateFileError::EMPTY_FILE);
    }
    // The form's `file_name` names the file, whatever the part says.
    file.file_name = Some(name);
    let key = format!("file_v3_{}", ids::short(&ids::message_id(), "om_"));
    store(&shared, &key, StoredKind::File, &caller, file);
    Reply::ok(json!({ "file_key": key }))
}

fn store(shared: &Shared, key: &str, kind: StoredKind, caller: &super::Caller, part: Part) {
    let stored = StoredFile {
        key: key.to_owned(),
        kind,
        app_id: caller.grant.app_id.clone(),
        tenant_key: caller.tenant_key.clone(),
        content_type: part
            .content_type
            .unwrap_or_else(|| "application/octet-stream".to_owned()),
        file_name: part.file_name,
        size: part.bytes.len(),
        bytes: part.bytes,
    };
    shared.lock_world().files.insert(key.to_owned(), stored);
}

/// A stored file of `kind`, for the app that uploaded it.
enum Found {
    File(StoredFile),
    Missing,
    OtherApp,
}

fn find(shared: &Shared, key: &str, kind: StoredKind, caller: &super::Caller) -> Found {
    let world = shared.lock_world();
    match world.files.get(key).filter(|f| f.kind == kind) {
        None => Found::Missing,
        Some(file) if file.app_id != caller.grant.app_id => Found::OtherApp,
        Some(file) => Found::File(file.clone()),
    }
}

/// A stored file as the platform serves it: its bytes, type, length and name.
pub(super) fn serve(file: StoredFile) -> Response {
    let mut headers = vec![
        ("content-type", file.content_type.clone()),
        ("content-length", file.bytes.len().to_string()),
    ];
    if let Some(name) = &file.file_name {
        let quoted = name.replace(['"', '\\', '\r', '\n'], "_");
        headers.push((
            "content-disposition",
            format!("attachment; filename=\"{quoted}\""),
        ));
    }
    let mut response = file.bytes.into_response();
    for (name, value) in headers {
        if let Ok(value) = axum::http::HeaderValue::from_str(&value) {
            response.headers_mut().insert(name, value);
        }
    }
    response
}

async fn get_image(
    State(shared): State<Arc<Shared>>,
    Path(key): Path<String>,
    headers: HeaderMap,
) -> Response {
    let caller =
        match guard::<GetImageRequest>(&shared, &headers, Reply::spec(GetImageError::UNAUTHORIZED))
            .await
        {
            Ok(caller) => caller,
            Err(reply) => return reply.into_response(),
        };
    match find(&shared, &key, StoredKind::Image, &caller) {
        Found::File(file) => serve(file),
        Found::Missing => Reply::spec(GetImageError::INVALID_REQUEST_PARAM).into_response(),
        Found::OtherApp => Reply::spec(GetImageError::NOT_RESOURCE_SENDER).into_response(),
    }
}

async fn get_file(
    State(shared): State<Arc<Shared>>,
    Path(key): Path<String>,
    headers: HeaderMap,
) -> Response {
    let caller =
        match guard::<GetFileRequest>(&shared, &headers, Reply::spec(GetFileError::UNAUTHORIZED))
            .await
        {
            Ok(caller) => caller,
            Err(reply) => return reply.into_response(),
        };
    match find(&shared, &key, StoredKind::File, &caller) {
        Found::File(file) => serve(file),
        Found::Missing => Reply::spec(GetFileError::INVALID_REQUEST_PARAM).into_response(),
        Found::OtherApp => Reply::spec(GetFileError::NOT_RESOURCE_SENDER).into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn image_formats_are_told_by_their_first_bytes() {
        assert_eq!(
            image_type_of(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Some("image/png")
        );
        assert_eq!(
            image_type_of(b"\xff\xd8\xff\xe0\0\x10JFIF"),
            Some("image/jpeg")
        );
        assert_eq!(image_type_of(b"RIFF\x10\0\0\0WEBPVP8 "), Some("image/webp"));
        assert_eq!(image_type_of(b"%PDF-1.7"), None);
        assert_eq!(image_type_of(b""), None);
    }
}
