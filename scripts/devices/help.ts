/** `npm run devices -- --help`: everything a technician needs, exit codes included. */
export const USAGE = `usage: npm run devices -- <device> <action> [options]

Talks to the kiosk's devices with the same drivers as the kiosk. Stop the kiosk first: a port
can be open in one program only. (技术人员设备检测工具：使用前请先停止自助终端程序)

  list                       serial ports, HID devices and USB printers attached to this machine
  idcard read                wait for a card and print it as JSON (name, ID number and address
                             masked; the photo as its size and sha256 only)
  idcard sam                 SAM status and SAM ID
  idcard status              connect and report the reader's condition
  printer status             DLE EOT status: online, cover, paper near end / out, errors
  printer test               print a test receipt (Chinese text, QR code, CODE128)
  keypad listen              print each 好差评 keypad press until Ctrl+C or --count presses
  scanner listen             print each QR/barcode read (text, symbology, what the kiosk would
                             take it for) until Ctrl+C or --count reads
  scanner test               wait --timeout seconds for one read (exit 74 when none came)

options
  --port <path>              serial path (/dev/serial/by-id/… preferred), /dev/usb/lp0, or
                             host[:port] for --link tcp (default port 9100)
  --baud <n>                 9600, 19200, 38400, 57600 or 115200 (default 115200)
  --timeout <s>              idcard read: seconds to wait for a card (default 15);
                             scanner test: for a read (default 30)
  --unmasked                 idcard read: show name, ID number and address in full
  --link serial|usb|tcp      printer link (default serial)
  --paper 58|80              printer paper width in mm (default 80)
  --encoding gb18030|gbk     printer character set (default gb18030)
  --vid <hex> --pid <hex>    keypad USB IDs as lsusb shows them, e.g. --vid 1234 --pid 5678
  --wedge                    keypad is a keyboard (boot reports) rather than a vendor HID box
  --report-byte <n>          keypad vendor report: which byte carries the key (default 0)
  --count <n>                keypad/scanner listen: stop after n presses or reads
  --link serial|hidpos|wedge scanner link (default serial: CDC-ACM or RS-232 at --baud, default 9600)
  --suffix CR|CRLF|LF|TAB|none  scanner serial: what ends a read (default CR)
  --prefix <text>            scanner serial: the prefix the scanner is set to send (default none)
  --encoding utf-8|gbk       scanner: character set of the reads (default utf-8)
  --vid <hex> --pid <hex>    also the scanner's USB IDs for --link hidpos or wedge
  --page <url>               scanner: station.progressPageUrl, to say which reads are the kiosk's
                             own receipts, slips and tickets
  --emulated                 use the built-in emulator (over a socat PTY pair for serial devices;
                             the scanner emulator reads sample codes by itself)
  --json                     one JSON object on stdout (keypad/scanner listen: one per line)
  --help                     this text

exit codes
  0   ok
  64  usage error (wrong arguments)
  65  the device answered but reported a problem (paper out, cover open, SAM unauthorised …)
  69  device not found / port missing
  74  I/O error or no answer (timeout)
  75  busy: the port is held by another program — stop the kiosk first
  77  permission denied (the message shows the udev rule or group to add)
`;
