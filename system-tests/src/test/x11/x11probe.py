#!/usr/bin/python3
"""Probes of what one X client can see of another, for docs/security.md.

victim [grab]     a window that takes the keyboard focus (and with "grab" the whole keyboard)
                  and prints every key it gets
spy-keymap SECS   polls XQueryKeymap (the whole keyboard's state) and prints keys seen down
spy-select WIN    asks for KeyPress events of another client's window WIN (hex id)
spy-image WIN     reads the pixels of another client's window WIN (XGetImage)
spy-grab          tries to grab the whole keyboard (XGrabKeyboard) and a key on the root (XGrabKey)
clip-own TEXT     owns CLIPBOARD and serves TEXT to whoever asks
clip-read         asks for CLIPBOARD as UTF8_STRING and prints what came
"""
import sys, time
from Xlib import X, display, error, Xatom


def victim(grab=False):
    d = display.Display()
    s = d.screen()
    w = s.root.create_window(0, 0, 400, 200, 0, s.root_depth, X.InputOutput, X.CopyFromParent,
                             event_mask=X.KeyPressMask | X.ExposureMask | X.StructureNotifyMask)
    w.set_wm_name('staff panel')
    w.map()
    d.sync()
    while True:  # wait until mapped, then take the focus
        e = d.next_event()
        if e.type == X.MapNotify:
            break
    w.set_input_focus(X.RevertToParent, X.CurrentTime)
    d.sync()
    if grab:
        # what a PIN field can do while it has the focus: take the whole keyboard
        print('VICTIM grab status', w.grab_keyboard(False, X.GrabModeAsync, X.GrabModeAsync, X.CurrentTime), flush=True)
    print('WINDOW 0x%x' % w.id, flush=True)
    while True:
        e = d.next_event()
        if e.type == X.KeyPress:
            print('VICTIM KEY', d.keycode_to_keysym(e.detail, 0), flush=True)


def spy_keymap(secs):
    d = display.Display()
    seen = set()
    end = time.time() + secs
    calls = 0
    try:
        while time.time() < end:
            km = d.query_keymap()
            calls += 1
            for byte, bits in enumerate(km):
                for bit in range(8):
                    if bits & (1 << bit):
                        seen.add(d.keycode_to_keysym(byte * 8 + bit, 0))
            time.sleep(0.002)
        print('KEYMAP calls', calls, 'keysyms seen down:', sorted(seen), flush=True)
    except error.XError as e:
        print('KEYMAP refused:', type(e).__name__, flush=True)


def spy_select(win, secs):
    d = display.Display()
    w = d.create_resource_object('window', int(win, 16))
    got = []
    try:
        w.change_attributes(event_mask=X.KeyPressMask)
        d.sync()
    except error.XError as e:
        print('SELECT refused:', type(e).__name__, flush=True)
        return
    end = time.time() + secs
    while time.time() < end:
        while d.pending_events():
            e = d.next_event()
            if e.type == X.KeyPress:
                got.append(d.keycode_to_keysym(e.detail, 0))
        time.sleep(0.01)
    print('SELECT keys received:', got, flush=True)


def spy_grab():
    d = display.Display()
    root = d.screen().root
    try:
        status = root.grab_keyboard(True, X.GrabModeAsync, X.GrabModeAsync, X.CurrentTime)
        print('GRAB keyboard status', status, '(0 = Success)', flush=True)
        d.ungrab_keyboard(X.CurrentTime)
    except error.XError as e:
        print('GRAB keyboard refused:', type(e).__name__, flush=True)
    # a refused GrabKey comes back as an asynchronous error: catch it, then sync
    caught = error.CatchError(error.BadAccess)
    root.grab_key(d.keysym_to_keycode(ord('a')), X.AnyModifier, True, X.GrabModeAsync, X.GrabModeAsync, onerror=caught)
    d.sync()
    print('GRABKEY refused: BadAccess' if caught.get_error() else 'GRABKEY accepted', flush=True)


def spy_image(win):
    d = display.Display()
    w = d.create_resource_object('window', int(win, 16))
    try:
        img = w.get_image(0, 0, 50, 50, X.ZPixmap, 0xffffffff)
        data = img.data
        print('IMAGE of the victim window: %d bytes, %d distinct byte values' % (len(data), len(set(data))), flush=True)
    except error.XError as e:
        print('IMAGE refused:', type(e).__name__, flush=True)


def clip_own(text):
    d = display.Display()
    s = d.screen()
    w = s.root.create_window(0, 0, 1, 1, 0, s.root_depth)
    clipboard = d.intern_atom('CLIPBOARD')
    utf8 = d.intern_atom('UTF8_STRING')
    w.set_selection_owner(clipboard, X.CurrentTime)
    d.sync()
    print('OWNER', d.get_selection_owner(clipboard) == w, flush=True)
    from Xlib.protocol import event
    while True:
        e = d.next_event()
        if e.type == X.SelectionRequest:
            prop = e.property if e.property != X.NONE else e.target
            ok = e.target in (utf8, Xatom.STRING)
            if ok:
                e.requestor.change_property(prop, e.target, 8, text.encode())
            ev = event.SelectionNotify(time=e.time, requestor=e.requestor, selection=e.selection,
                                       target=e.target, property=prop if ok else X.NONE)
            e.requestor.send_event(ev)
            d.flush()
            print('OWNER served a request', flush=True)


def clip_read():
    d = display.Display()
    s = d.screen()
    w = s.root.create_window(0, 0, 1, 1, 0, s.root_depth)
    clipboard = d.intern_atom('CLIPBOARD')
    utf8 = d.intern_atom('UTF8_STRING')
    prop = d.intern_atom('PROBE')
    try:
        owner = d.get_selection_owner(clipboard)
        print('READ owner seen:', owner, flush=True)
        w.convert_selection(clipboard, utf8, prop, X.CurrentTime)
        d.sync()
    except error.XError as e:
        print('READ refused:', e, flush=True)
        return
    end = time.time() + 3
    while time.time() < end:
        while d.pending_events():
            e = d.next_event()
            if e.type == X.SelectionNotify:
                if e.property == X.NONE:
                    print('READ got nothing (property None)', flush=True)
                else:
                    print('READ got:', w.get_full_property(prop, X.AnyPropertyType).value, flush=True)
                return
        time.sleep(0.01)
    print('READ no answer in 3 s', flush=True)


cmd = sys.argv[1]
if cmd == 'victim':
    victim(len(sys.argv) > 2 and sys.argv[2] == 'grab')
elif cmd == 'spy-keymap':
    spy_keymap(float(sys.argv[2]))
elif cmd == 'spy-select':
    spy_select(sys.argv[2], float(sys.argv[3]))
elif cmd == 'spy-image':
    spy_image(sys.argv[2])
elif cmd == 'spy-grab':
    spy_grab()
elif cmd == 'clip-own':
    clip_own(sys.argv[2])
elif cmd == 'clip-read':
    clip_read()
