#!/usr/bin/env python3
"""fillts.py TS [MAP.json]: fills <translation type="unfinished"> of a .ts file. Without MAP (English), the source
text itself; with MAP, the mapping source -> translation. Prints what stays unfinished."""
import json, sys, xml.etree.ElementTree as ET
ts = sys.argv[1]
mapping = json.load(open(sys.argv[2], encoding='utf-8')) if len(sys.argv) > 2 else None
tree = ET.parse(ts)
left = []
for msg in tree.iter('message'):
    src = msg.find('source').text or ''
    tr = msg.find('translation')
    if tr.get('type') != 'unfinished':
        continue
    if msg.get('numerus') == 'yes':
        val = mapping.get(src) if mapping is not None else src
        if val is None:
            left.append(src); continue
        for n in list(tr):
            tr.remove(n)
        if mapping is None:  # English: "%n record(s)" -> "%n record" / "%n records"
            for form in (val.replace('(s)', ''), val.replace('(s)', 's')):
                ET.SubElement(tr, 'numerusform').text = form
        else:  # Vietnamese has one form
            ET.SubElement(tr, 'numerusform').text = val
        del tr.attrib['type']
        continue
    val = src if mapping is None else mapping.get(src)
    if val is None:
        left.append(src); continue
    tr.text = val
    del tr.attrib['type']
with open(ts, 'wb') as f:
    f.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
    tree.write(f, encoding='utf-8', xml_declaration=False)
for s in left:
    print('UNFINISHED:', s)
