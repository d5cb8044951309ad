#!/usr/bin/env python3
"""Asks the windows of a process to close the way a window manager's close
button does: an ICCCM WM_DELETE_WINDOW client message. Under Xvfb there is
no window manager, so the end-to-end tests send it themselves; GTK turns it
into the delete event Tauri reports as CloseRequested.

Usage: wm-close.py PID    (exit 1 when no window of PID takes the message)
"""
import sys

from Xlib import X, display, protocol


def windows(w):
    yield w
    for child in w.query_tree().children:
        yield from windows(child)


def main() -> int:
    pid = int(sys.argv[1])
    d = display.Display()
    net_wm_pid = d.intern_atom("_NET_WM_PID")
    wm_protocols = d.intern_atom("WM_PROTOCOLS")
    wm_delete = d.intern_atom("WM_DELETE_WINDOW")
    sent = 0
    for w in windows(d.screen().root):
        try:
            owner = w.get_full_property(net_wm_pid, X.AnyPropertyType)
            if not owner or owner.value[0] != pid:
                continue
            if wm_delete not in (w.get_wm_protocols() or []):
                continue
            attrs = w.get_attributes()
            if attrs.map_state != X.IsViewable:
                continue
        except Exception:  # a window that went away while we looked
            continue
        event = protocol.event.ClientMessage(
            window=w, client_type=wm_protocols, data=(32, [wm_delete, X.CurrentTime, 0, 0, 0])
        )
        w.send_event(event, event_mask=X.NoEventMask)
        sent += 1
    d.flush()
    return 0 if sent else 1


if __name__ == "__main__":
    sys.exit(main())
