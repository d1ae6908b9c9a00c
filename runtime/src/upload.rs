//! Files sent in a `multipart/form-data` body (an image, a file of a
//! message), and the form a generated upload request hands the client.
//!
//! ```
//! use lark_runtime::upload::UploadFile;
//!
//! let png = UploadFile::from_bytes("logo.png", vec![0x89, b'P', b'N', b'G']);
//! assert_eq!(png.content_type(), "image/png");
//! let report = UploadFile::from_path("/tmp/report.pdf");
//! assert_eq!(report.file_name(), Some("report.pdf"));
//! ```

use std::fmt;
use std::path::{Path, PathBuf};
#[cfg(feature = "client")]
use std::sync::{Arc, Mutex};

use bytes::Bytes;

/// A stream of a file's bytes, sent once.
#[cfg(feature = "client")]
pub(crate) type ByteStream = std::pin::Pin<
    Box<dyn futures_util::Stream<Item = Result<Bytes, std::io::Error>> + Send + Sync + 'static>,
>;

/// A file to upload: bytes in memory, a file on disk (opened when the
/// request is sent, read as it goes), or a stream.
///
/// The part is sent with a file name and a `Content-Type` (the platform
/// refuses a file part without one): given with [`UploadFile::content_type`],
/// or else told from the first bytes of an in-memory file or from the
/// file name's extension, `application/octet-stream` when neither says.
///
/// Cloning is cheap: bytes are shared, a path is opened anew by each
/// attempt. A stream can be read once: a call that must be sent again (a
/// refused token, a rate limit) fails with [`crate::InvalidRequest::File`]
/// rather than send a file cut short.
#[derive(Clone)]
pub struct UploadFile {
    pub(crate) source: Source,
    file_name: Option<String>,
    content_type: Option<String>,
}

#[derive(Clone)]
pub(crate) enum Source {
    Bytes(Bytes),
    Path(PathBuf),
    #[cfg(feature = "client")]
    Stream {
        stream: Arc<Mutex<Option<ByteStream>>>,
        length: Option<u64>,
    },
}

impl UploadFile {
    /// A file held in memory.
    pub fn from_bytes(file_name: impl Into<String>, bytes: impl Into<Bytes>) -> Self {
        Self {
            source: Source::Bytes(bytes.into()),
            file_name: Some(file_name.into()),
            content_type: None,
        }
    }

    /// A file on disk, named after the path's last part. It is opened and
    /// measured when the request is sent; a file that cannot be read fails
    /// the call with [`crate::InvalidRequest::File`].
    pub fn from_path(path: impl Into<PathBuf>) -> Self {
        let path = path.into();
        let file_name = path
            .file_name()
            .map(|name| name.to_string_lossy().into_owned());
        Self {
            source: Source::Path(path),
            file_name,
            content_type: None,
        }
    }

    /// A file read from a stream as it is sent, `length` bytes long when
    /// known (a documented size limit is then checked before sending; else
    /// the upload stops once the stream passes it).
    #[cfg(feature = "client")]
    pub fn from_stream<S>(file_name: impl Into<String>, stream: S, length: Option<u64>) -> Self
    where
        S: futures_util::Stream<Item = Result<Bytes, std::io::Error>> + Send + Sync + 'static,
    {
        Self {
            source: Source::Stream {
                stream: Arc::new(Mutex::new(Some(Box::pin(stream)))),
                length,
            },
            file_name: Some(file_name.into()),
            content_type: None,
        }
    }

    /// Sets the file name sent with the part.
    pub fn file_name_as(mut self, file_name: impl Into<String>) -> Self {
        self.file_name = Some(file_name.into());
        self
    }

    /// Sets the part's `Content-Type` (`image/png`).
    pub fn with_content_type(mut self, content_type: impl Into<String>) -> Self {
        self.content_type = Some(content_type.into());
        self
    }

    /// The file name sent with the part.
    pub fn file_name(&self) -> Option<&str> {
        self.file_name.as_deref()
    }

    /// The part's `Content-Type`: as given, else told from the content or
    /// the name.
    pub fn content_type(&self) -> &str {
        if let Some(given) = &self.content_type {
            return given;
        }
        let sniffed = match &self.source {
            Source::Bytes(bytes) => content_type_of(bytes),
            _ => None,
        };
        sniffed
            .or_else(|| self.file_name.as_deref().and_then(by_extension))
            .unwrap_or("application/octet-stream")
    }

    /// The length, when known without reading (in memory, or a stream's
    /// declared length).
    pub fn known_length(&self) -> Option<u64> {
        match &self.source {
            Source::Bytes(bytes) => u64::try_from(bytes.len()).ok(),
            Source::Path(_) => None,
            #[cfg(feature = "client")]
            Source::Stream { length, .. } => *length,
        }
    }

    /// The path of a file on disk.
    pub fn path(&self) -> Option<&Path> {
        match &self.source {
            Source::Path(path) => Some(path),
            _ => None,
        }
    }
}

impl fmt::Debug for UploadFile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = f.debug_struct("UploadFile");
        match &self.source {
            Source::Bytes(bytes) => s.field("bytes", &bytes.len()),
            Source::Path(path) => s.field("path", path),
            #[cfg(feature = "client")]
            Source::Stream { length, .. } => s.field("stream", length),
        };
        s.field("file_name", &self.file_name)
            .field("content_type", &self.content_type())
            .finish()
    }
}

/// The `Content-Type` a file's first bytes show, for the image formats the
/// platform takes (JPEG, PNG, WEBP, GIF, TIFF, BMP, ICO) and PDF.
pub fn content_type_of(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "image/png"),
        (b"\xff\xd8\xff", "image/jpeg"),
        (b"GIF87a", "image/gif"),
        (b"GIF89a", "image/gif"),
        (b"BM", "image/bmp"),
        (b"II*\0", "image/tiff"),
        (b"MM\0*", "image/tiff"),
        (b"\0\0\x01\0", "image/x-icon"),
        (b"%PDF-", "application/pdf"),
    ];
    if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        return Some("image/webp");
    }
    SIGNATURES
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|(_, ty)| *ty)
}

/// The `Content-Type` a file name's extension names, for common kinds.
fn by_extension(name: &str) -> Option<&'static str> {
    let (_, ext) = name.rsplit_once('.')?;
    Some(match ext.to_ascii_lowercase().as_str() {
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "bmp" => "image/bmp",
        "tif" | "tiff" => "image/tiff",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "doc" => "application/msword",
        "xls" => "application/vnd.ms-excel",
        "ppt" => "application/vnd.ms-powerpoint",
        "mp4" => "video/mp4",
        "opus" => "audio/opus",
        "txt" => "text/plain",
        "json" => "application/json",
        _ => return None,
    })
}

/// The parts of a `multipart/form-data` body, in the order sent.
#[derive(Clone, Debug, Default)]
pub struct Form {
    pub(crate) parts: Vec<(&'static str, Part)>,
}

/// One part of a [`Form`].
#[derive(Clone, Debug)]
pub(crate) enum Part {
    Text(String),
    File {
        file: UploadFile,
        max_bytes: Option<u64>,
    },
}

impl Form {
    /// No parts yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a text part.
    pub fn text(&mut self, name: &'static str, value: impl Into<String>) {
        self.parts.push((name, Part::Text(value.into())));
    }

    /// Adds a file part, at most `max_bytes` long when the spec documents a
    /// limit.
    pub fn file(&mut self, name: &'static str, file: UploadFile, max_bytes: Option<u64>) {
        self.parts.push((name, Part::File { file, max_bytes }));
    }

    /// The names of the parts, in order.
    pub fn names(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.parts.iter().map(|(name, _)| *name)
    }

    /// The text of a text part.
    pub fn text_of(&self, name: &str) -> Option<&str> {
        self.parts.iter().find_map(|(n, part)| match part {
            Part::Text(text) if *n == name => Some(text.as_str()),
            _ => None,
        })
    }

    /// The file of a file part.
    pub fn file_of(&self, name: &str) -> Option<&UploadFile> {
        self.parts.iter().find_map(|(n, part)| match part {
            Part::File { file, .. } if *n == name => Some(file),
            _ => None,
        })
    }

    /// The documented size limit of a file part, in bytes.
    pub fn limit_of(&self, name: &str) -> Option<u64> {
        self.parts.iter().find_map(|(n, part)| match part {
            Part::File { max_bytes, .. } if *n == name => *max_bytes,
            _ => None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_type_comes_from_bytes_then_name() {
        let png = UploadFile::from_bytes("x.bin", b"\x89PNG\r\n\x1a\n....".to_vec());
        assert_eq!(png.content_type(), "image/png");
        let named = UploadFile::from_bytes("photo.JPG", b"??".to_vec());
        assert_eq!(named.content_type(), "image/jpeg");
        let neither = UploadFile::from_bytes("blob", b"??".to_vec());
        assert_eq!(neither.content_type(), "application/octet-stream");
        let given = neither.with_content_type("text/csv");
        assert_eq!(given.content_type(), "text/csv");
        let webp = UploadFile::from_bytes("w", b"RIFF\0\0\0\0WEBPVP8 ".to_vec());
        assert_eq!(webp.content_type(), "image/webp");
    }

    #[test]
    fn a_path_is_named_after_its_last_part() {
        let file = UploadFile::from_path("/data/report.pdf");
        assert_eq!(file.file_name(), Some("report.pdf"));
        assert_eq!(file.content_type(), "application/pdf");
        assert_eq!(file.known_length(), None);
        assert_eq!(file.file_name_as("r.pdf").file_name(), Some("r.pdf"));
    }

    #[test]
    fn forms_keep_their_order() {
        let mut form = Form::new();
        form.text("image_type", "message");
        form.file(
            "image",
            UploadFile::from_bytes("a.png", vec![1, 2]),
            Some(10),
        );
        assert_eq!(form.names().collect::<Vec<_>>(), ["image_type", "image"]);
        assert_eq!(form.text_of("image_type"), Some("message"));
        assert_eq!(
            form.file_of("image").and_then(UploadFile::known_length),
            Some(2)
        );
        assert_eq!(form.limit_of("image"), Some(10));
    }
}
