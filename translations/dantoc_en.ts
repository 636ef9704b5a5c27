<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ErrorText</name>
    <message>
        <source>The data is not valid.</source>
        <translation>The data is not valid.</translation>
    </message>
    <message>
        <source>The data could not be read.</source>
        <translation>The data could not be read.</translation>
    </message>
    <message>
        <source>Not found.</source>
        <translation>Not found.</translation>
    </message>
    <message>
        <source>It already exists.</source>
        <translation>It already exists.</translation>
    </message>
    <message>
        <source>Someone else changed it meanwhile.</source>
        <translation>Someone else changed it meanwhile.</translation>
    </message>
    <message>
        <source>You are not allowed to do this.</source>
        <translation>You are not allowed to do this.</translation>
    </message>
    <message>
        <source>Wrong password or passphrase.</source>
        <translation>Wrong password or passphrase.</translation>
    </message>
    <message>
        <source>This cannot be done now.</source>
        <translation>This cannot be done now.</translation>
    </message>
    <message>
        <source>A size limit was reached.</source>
        <translation>A size limit was reached.</translation>
    </message>
    <message>
        <source>The disk could not be read or written.</source>
        <translation>The disk could not be read or written.</translation>
    </message>
    <message>
        <source>The local store is damaged. Contact the provincial IT officer.</source>
        <translation>The local store is damaged. Contact the provincial IT officer.</translation>
    </message>
    <message>
        <source>The server cannot be reached. Your work is kept and will be sent later.</source>
        <translation>The server cannot be reached. Your work is kept and will be sent later.</translation>
    </message>
    <message>
        <source>An internal error occurred.</source>
        <translation>An internal error occurred.</translation>
    </message>
    <message>
        <source>This unit is outside your account's area.</source>
        <translation>This unit is outside your account's area.</translation>
    </message>
    <message>
        <source>The record changed after you looked at it.</source>
        <translation>The record changed after you looked at it.</translation>
    </message>
    <message>
        <source>The record's state changed on the server.</source>
        <translation>The record's state changed on the server.</translation>
    </message>
    <message>
        <source>The reporting period is closed.</source>
        <translation>The reporting period is closed.</translation>
    </message>
    <message>
        <source>The server does not know this reporting period.</source>
        <translation>The server does not know this reporting period.</translation>
    </message>
    <message>
        <source>The period does not match the form's kind of period.</source>
        <translation>The period does not match the form's kind of period.</translation>
    </message>
    <message>
        <source>The server found errors in the data.</source>
        <translation>The server found errors in the data.</translation>
    </message>
    <message>
        <source>The server does not know this form version.</source>
        <translation>The server does not know this form version.</translation>
    </message>
    <message>
        <source>Merged with another change, the record would break the form's rules.</source>
        <translation>Merged with another change, the record would break the form's rules.</translation>
    </message>
    <message>
        <source>Your account may not do this.</source>
        <translation>Your account may not do this.</translation>
    </message>
    <message>
        <source>A record with this id already exists on the server.</source>
        <translation>A record with this id already exists on the server.</translation>
    </message>
    <message>
        <source>The record does not exist on the server.</source>
        <translation>The record does not exist on the server.</translation>
    </message>
    <message>
        <source>The record is locked on the server.</source>
        <translation>The record is locked on the server.</translation>
    </message>
    <message>
        <source>Waiting for the attached scan to finish uploading.</source>
        <translation>Waiting for the attached scan to finish uploading.</translation>
    </message>
    <message>
        <source>Changed in two places at once: check the highlighted fields.</source>
        <translation>Changed in two places at once: check the highlighted fields.</translation>
    </message>
    <message>
        <source>The server's certificate is not the one you confirmed. Do not continue; call the provincial IT officer.</source>
        <translation>The server's certificate is not the one you confirmed. Do not continue; call the provincial IT officer.</translation>
    </message>
    <message>
        <source>The server cannot be reached.</source>
        <translation>The server cannot be reached.</translation>
    </message>
    <message>
        <source>Wrong account or password.</source>
        <translation>Wrong account or password.</translation>
    </message>
    <message>
        <source>This store is bound to another account.</source>
        <translation>This store is bound to another account.</translation>
    </message>
    <message>
        <source>The server is busy; it will be tried again.</source>
        <translation>The server is busy; it will be tried again.</translation>
    </message>
    <message>
        <source>Refused by the server (%1).</source>
        <translation>Refused by the server (%1).</translation>
    </message>
</context>
<context>
    <name>FieldEditorFactory</name>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <source>Type to search, or press Down for the list</source>
        <translation>Type to search, or press Down for the list</translation>
    </message>
    <message>
        <source>Calculated from other answers</source>
        <translation>Calculated from other answers</translation>
    </message>
    <message>
        <source>Latitude, e.g. 22,60</source>
        <translation>Latitude, e.g. 22,60</translation>
    </message>
    <message>
        <source>Longitude, e.g. 103,71</source>
        <translation>Longitude, e.g. 103,71</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>Latitude</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>Longitude</translation>
    </message>
    <message>
        <source>Attach a scan or photo…</source>
        <translation>Attach a scan or photo…</translation>
    </message>
    <message>
        <source>No file attached</source>
        <translation>No file attached</translation>
    </message>
    <message>
        <source>Add row (Insert)</source>
        <translation>Add row (Insert)</translation>
    </message>
    <message>
        <source>Remove row (Ctrl+Delete)</source>
        <translation>Remove row (Ctrl+Delete)</translation>
    </message>
    <message>
        <source>Move up (Alt+Up)</source>
        <translation>Move up (Alt+Up)</translation>
    </message>
    <message>
        <source>Move down (Alt+Down)</source>
        <translation>Move down (Alt+Down)</translation>
    </message>
    <message>
        <source>Type over a cell or press F2 to edit it; Enter goes down. Rows copied from Excel are pasted with Ctrl+V.</source>
        <translation>Type over a cell or press F2 to edit it; Enter goes down. Rows copied from Excel are pasted with Ctrl+V.</translation>
    </message>
</context>
<context>
    <name>ValueText</name>
    <message>
        <source>No file attached</source>
        <translation>No file attached</translation>
    </message>
    <message>
        <source>Row %1, %2: %3</source>
        <translation>Row %1, %2: %3</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more (see the list of problems)</source>
        <translation>
            <numerusform>… and %n more (see the list of problems)</numerusform>
            <numerusform>… and %n more (see the list of problems)</numerusform>
        </translation>
    </message>
    <message>
        <source>Explain this warning for the reviewer: %1</source>
        <translation>Explain this warning for the reviewer: %1</translation>
    </message>
    <message>
        <source>Explanation (required to submit)</source>
        <translation>Explanation (required to submit)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 bytes</translation>
    </message>
    <message>
        <source>%1 KB</source>
        <translation>%1 KB</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dantoc::gui::FormEntryWidget</name>
    <message>
        <source>This form is "%1": it can no longer be changed here. A reviewer can return it for correction.</source>
        <translation>This form is "%1": it can no longer be changed here. A reviewer can return it for correction.</translation>
    </message>
    <message>
        <source>Your last change could not be written to this computer: %1</source>
        <translation>Your last change could not be written to this computer: %1</translation>
    </message>
    <message>
        <source>The form was not saved: %1</source>
        <translation>The form was not saved: %1</translation>
    </message>
    <message>
        <source>Saved. It will be sent at the next synchronisation.</source>
        <translation>Saved. It will be sent at the next synchronisation.</translation>
    </message>
    <message numerus="yes">
        <source>Saved as a draft; %n error(s) must still be fixed before submitting.</source>
        <translation>
            <numerusform>Saved as a draft; %n error must still be fixed before submitting.</numerusform>
            <numerusform>Saved as a draft; %n errors must still be fixed before submitting.</numerusform>
        </translation>
    </message>
    <message>
        <source>The form was not submitted: %1</source>
        <translation>The form was not submitted: %1</translation>
    </message>
    <message>
        <source>Submitted for review. It will be sent to the district at the next synchronisation.</source>
        <translation>Submitted for review. It will be sent to the district at the next synchronisation.</translation>
    </message>
    <message>
        <source>Attach a signed scan or a photo</source>
        <translation>Attach a signed scan or a photo</translation>
    </message>
    <message>
        <source>Scans and photos (*.pdf *.jpg *.jpeg *.png *.tif *.tiff);;All files (*)</source>
        <translation>Scans and photos (*.pdf *.jpg *.jpeg *.png *.tif *.tiff);;All files (*)</translation>
    </message>
    <message>
        <source>%1 is not a file that can be read.</source>
        <translation>%1 is not a file that can be read.</translation>
    </message>
    <message>
        <source>The file was not attached: %1</source>
        <translation>The file was not attached: %1</translation>
    </message>
    <message>
        <source>Attached %1 (%2), encrypted in this computer's store.</source>
        <translation>Attached %1 (%2), encrypted in this computer's store.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <source>Save the form; it is sent to the district at the next synchronisation</source>
        <translation>Save the form; it is sent to the district at the next synchronisation</translation>
    </message>
    <message>
        <source>Submit for review</source>
        <translation>Submit for review</translation>
    </message>
    <message>
        <source>Send the form to the district for review; all errors must be fixed first</source>
        <translation>Send the form to the district for review; all errors must be fixed first</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>The form could not be opened: %1</source>
        <translation>The form could not be opened: %1</translation>
    </message>
    <message>
        <source>Form %1 version %2 is not in this computer's store; synchronise, then try again.</source>
        <translation>Form %1 version %2 is not in this computer's store; synchronise, then try again.</translation>
    </message>
    <message>
        <source>The saved answers of this form could not be read.</source>
        <translation>The saved answers of this form could not be read.</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>Problems to check</source>
        <translation>Problems to check</translation>
    </message>
    <message>
        <source>%1 (code %2)</source>
        <translation>%1 (code %2)</translation>
    </message>
    <message>
        <source>Unit: %1  ·  Reporting period: %2  ·  State: %3</source>
        <translation>Unit: %1  ·  Reporting period: %2  ·  State: %3</translation>
    </message>
    <message numerus="yes">
        <source>Not submitted: %n error(s) to fix. Click a problem in the list to go to it.</source>
        <translation>
            <numerusform>Not submitted: %n error to fix. Click a problem in the list to go to it.</numerusform><numerusform>Not submitted: %n errors to fix. Click a problem in the list to go to it.</numerusform></translation>
    </message>
</context>
<context>
    <name>dantoc::gui::IssueListWidget</name>
    <message>
        <source>%1, row %2, %3: %4</source>
        <translation>%1, row %2, %3: %4</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
    <message>
        <source>%1, row %2: %3</source>
        <translation>%1, row %2: %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Error: must be fixed before submitting</source>
        <translation>Error: must be fixed before submitting</translation>
    </message>
    <message>
        <source>Warning: check it, and explain it if it is right</source>
        <translation>Warning: check it, and explain it if it is right</translation>
    </message>
    <message>
        <source>No problems</source>
        <translation>No problems</translation>
    </message>
    <message>
        <source>Errors: %1 · Warnings: %2</source>
        <translation>Errors: %1 · Warnings: %2</translation>
    </message>
</context>
</TS>