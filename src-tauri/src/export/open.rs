//! Opening an exported file with the desktop's default application, and
//! showing it in its folder, through GIO (already linked by GTK): the
//! default handler for the file's type, and the file manager's
//! `org.freedesktop.FileManager1.ShowItems` over the session bus (the
//! folder itself opened where no file manager offers it).

use std::path::Path;

use gio::prelude::*;

/// Opens `path` with the default application for its type.
pub fn open(path: &Path) -> Result<(), String> {
    let uri = gio::File::for_path(path).uri();
    gio::AppInfo::launch_default_for_uri(&uri, None::<&gio::AppLaunchContext>)
        .map_err(|e| e.to_string())
}

/// Shows `path` selected in the file manager, or opens its folder.
pub fn reveal(path: &Path) -> Result<(), String> {
    let uri = gio::File::for_path(path).uri();
    let shown =
        gio::bus_get_sync(gio::BusType::Session, None::<&gio::Cancellable>).and_then(|bus| {
            bus.call_sync(
                Some("org.freedesktop.FileManager1"),
                "/org/freedesktop/FileManager1",
                "org.freedesktop.FileManager1",
                "ShowItems",
                Some(&(vec![uri.to_string()], "").to_variant()),
                None,
                gio::DBusCallFlags::NONE,
                // The file manager starts on demand; past this the folder opens.
                3000,
                None::<&gio::Cancellable>,
            )
        });
    match shown {
        Ok(_) => Ok(()),
        Err(_) => match path.parent() {
            Some(folder) => open(folder),
            None => Err(format!("{} has no folder", path.display())),
        },
    }
}
