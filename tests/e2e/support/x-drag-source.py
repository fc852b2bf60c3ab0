#!/usr/bin/python3
"""
A real X drag source for the escape test: a small window at (x, y) offering one URI as
text/uri-list and text/plain, the way a file manager offers a file or a browser a link. The test
drags from it with xdotool (real pointer events through the X server) and drops on the kiosk, so
Chromium gets the drop over the XDND protocol exactly as from a resident's USB stick window.

Prints, one a line: "ready" once shown; "data-requested <type>" each time the drop target asked
for the data (Chromium does so when the drop lands on its page); "drag-end" or
"drag-failed <why>" when the drag is over. Exits shortly after the drag, or after 20 s.

Usage: x-drag-source.py URI X Y   (Debian: python3-gi, gir1.2-gtk-3.0)
"""
import sys

import gi

gi.require_version("Gtk", "3.0")
gi.require_version("Gdk", "3.0")
from gi.repository import Gdk, GLib, Gtk  # noqa: E402

uri, x, y = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])

# Override-redirect: placed exactly where asked and on top, with or without a window manager.
window = Gtk.Window(type=Gtk.WindowType.POPUP)
window.move(x, y)
window.set_default_size(240, 160)
box = Gtk.EventBox()
box.add(Gtk.Label(label="drag me"))
window.add(box)

URI_LIST, PLAIN = 0, 1
box.drag_source_set(
    Gdk.ModifierType.BUTTON1_MASK,
    [Gtk.TargetEntry.new("text/uri-list", 0, URI_LIST), Gtk.TargetEntry.new("text/plain", 0, PLAIN)],
    Gdk.DragAction.COPY | Gdk.DragAction.LINK | Gdk.DragAction.MOVE,
)


def say(*words):
    print(*words, flush=True)


def on_data_get(_widget, _context, data, info, _time):
    say("data-requested", data.get_target().name())
    if info == URI_LIST:
        data.set_uris([uri])
    else:
        data.set_text(uri, -1)


def on_end(_widget, _context):
    say("drag-end")
    GLib.timeout_add(300, Gtk.main_quit)


def on_failed(_widget, _context, result):
    say("drag-failed", result.value_nick)
    return True


box.connect("drag-data-get", on_data_get)
box.connect("drag-end", on_end)
box.connect("drag-failed", on_failed)
window.connect("map-event", lambda *_: say("ready"))
GLib.timeout_add_seconds(20, Gtk.main_quit)
window.show_all()
Gtk.main()
