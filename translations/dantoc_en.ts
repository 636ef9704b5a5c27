<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>DeskApplication</name>
    <message>
        <source>Ethnic-affairs data: survey entry, review and reports, offline first.</source>
        <translation>Ethnic-affairs data: survey entry, review and reports, offline first.</translation>
    </message>
    <message>
        <source>The local store directory.</source>
        <translation>The local store directory.</translation>
    </message>
    <message>
        <source>Interface language: vi or en.</source>
        <translation>Interface language: vi or en.</translation>
    </message>
    <message>
        <source>Quit once the first screen is shown (smoke tests).</source>
        <translation>Quit once the first screen is shown (smoke tests).</translation>
    </message>
</context>
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
    <name>PassphraseText</name>
    <message>
        <source>Use at least %1 characters; a short sentence is easy to remember.</source>
        <translation>Use at least %1 characters; a short sentence is easy to remember.</translation>
    </message>
    <message>
        <source>Too easy to guess: avoid repeated characters and runs like 12345.</source>
        <translation>Too easy to guess: avoid repeated characters and runs like 12345.</translation>
    </message>
    <message>
        <source>This passphrase is among the first ones a thief tries.</source>
        <translation>This passphrase is among the first ones a thief tries.</translation>
    </message>
    <message>
        <source>Mix letters with digits or spaces, or use at least %1 characters.</source>
        <translation>Mix letters with digits or spaces, or use at least %1 characters.</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>province</source>
        <translation>province</translation>
    </message>
    <message>
        <source>district</source>
        <translation>district</translation>
    </message>
    <message>
        <source>commune</source>
        <translation>commune</translation>
    </message>
    <message>
        <source>village</source>
        <translation>village</translation>
    </message>
</context>
<context>
    <name>StateText</name>
    <message>
        <source>Draft</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>Returned for correction</source>
        <translation>Returned for correction</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>Forwarded</source>
        <translation>Forwarded</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>Refused by the server</source>
        <translation>Refused by the server</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <source>Waiting for the attachment</source>
        <translation>Waiting for the attachment</translation>
    </message>
    <message>
        <source>No longer in your area</source>
        <translation>No longer in your area</translation>
    </message>
    <message>
        <source>Not sent yet</source>
        <translation>Not sent yet</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>closed</translation>
    </message>
    <message>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message numerus="yes">
        <source>overdue by %n day(s) (due %1)</source>
        <translation>
            <numerusform>overdue by %n day (due %1)</numerusform>
            <numerusform>overdue by %n days (due %1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>due %1 (%n day(s) left)</source>
        <translation>
            <numerusform>due %1 (%n day left)</numerusform>
            <numerusform>due %1 (%n days left)</numerusform>
        </translation>
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
    <name>dantoc::gui::DeskSession</name>
    <message>
        <source>dantoc — unlock</source>
        <translation>dantoc — unlock</translation>
    </message>
    <message numerus="yes">
        <source>The store was locked. It locks by itself after %n minute(s) without activity.</source>
        <translation>
            <numerusform>The store was locked. It locks by itself after %n minute without activity.</numerusform>
            <numerusform>The store was locked. It locks by itself after %n minutes without activity.</numerusform>
        </translation>
    </message>
    <message>
        <source>The store was locked.</source>
        <translation>The store was locked.</translation>
    </message>
</context>
<context>
    <name>dantoc::gui::EnrollWizard</name>
    <message>
        <source>Connect this computer to the provincial server</source>
        <translation>Connect this computer to the provincial server</translation>
    </message>
    <message>
        <source>&lt; Back</source>
        <translation>&lt; Back</translation>
    </message>
    <message>
        <source>Next &gt;</source>
        <translation>Next &gt;</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Open dantoc</source>
        <translation>Open dantoc</translation>
    </message>
    <message>
        <source>Provincial server</source>
        <translation>Provincial server</translation>
    </message>
    <message>
        <source>Type the address the provincial ethnic-affairs board gave you.</source>
        <translation>Type the address the provincial ethnic-affairs board gave you.</translation>
    </message>
    <message>
        <source>Check the server</source>
        <translation>Check the server</translation>
    </message>
    <message>
        <source>The fingerprint above is the same as the one on the board's letter</source>
        <translation>The fingerprint above is the same as the one on the board's letter</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>Compare every group of the certificate fingerprint with the one the board sent you. If they differ, stop: someone may be impersonating the server.</source>
        <translation>Compare every group of the certificate fingerprint with the one the board sent you. If they differ, stop: someone may be impersonating the server.</translation>
    </message>
    <message>
        <source>The new password needs at least %1 characters.</source>
        <translation>The new password needs at least %1 characters.</translation>
    </message>
    <message>
        <source>The new password must differ from the default one.</source>
        <translation>The new password must differ from the default one.</translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation>The two new passwords differ.</translation>
    </message>
    <message>
        <source>Your account</source>
        <translation>Your account</translation>
    </message>
    <message>
        <source>The default password from the board must be changed at the first login.</source>
        <translation>The default password from the board must be changed at the first login.</translation>
    </message>
    <message>
        <source>I changed the default password already (this computer replaces another)</source>
        <translation>I changed the default password already (this computer replaces another)</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>New password again</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>The two passphrases differ.</translation>
    </message>
    <message>
        <source>Passphrase of the local store</source>
        <translation>Passphrase of the local store</translation>
    </message>
    <message>
        <source>Everything on this computer is encrypted with it. Nobody can recover it: write it down and keep it locked away.</source>
        <translation>Everything on this computer is encrypted with it. Nobody can recover it: write it down and keep it locked away.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>Passphrase again</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Connecting</translation>
    </message>
    <message>
        <source>The address must look like https://server:8443</source>
        <translation>The address must look like https://server:8443</translation>
    </message>
    <message>
        <source>Contacting %1…</source>
        <translation>Contacting %1…</translation>
    </message>
    <message>
        <source>Certificate fingerprint (SHA-256):</source>
        <translation>Certificate fingerprint (SHA-256):</translation>
    </message>
    <message>
        <source>Creating the encrypted store and connecting to the server…</source>
        <translation>Creating the encrypted store and connecting to the server…</translation>
    </message>
    <message>
        <source>The server asks for a new password: go back and fill in the new password.</source>
        <translation>The server asks for a new password: go back and fill in the new password.</translation>
    </message>
    <message>
        <source>Wrong account or password: go back and check them.</source>
        <translation>Wrong account or password: go back and check them.</translation>
    </message>
    <message>
        <source>This computer is connected. The store is encrypted with your passphrase; data is sent whenever the server can be reached.</source>
        <translation>This computer is connected. The store is encrypted with your passphrase; data is sent whenever the server can be reached.</translation>
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
    <message numerus="yes">
        <source>Not submitted: %n error(s) to fix. Click a problem in the list to go to it.</source>
        <translation>
            <numerusform>Not submitted: %n error to fix. Click a problem in the list to go to it.</numerusform>
            <numerusform>Not submitted: %n errors to fix. Click a problem in the list to go to it.</numerusform>
        </translation>
    </message>
    <message>
        <source>Submitted for review. It reaches the reviewer at the next synchronisation.</source>
        <translation>Submitted for review. It reaches the reviewer at the next synchronisation.</translation>
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
        <source>Save the form; it is sent to the server at the next synchronisation</source>
        <translation>Save the form; it is sent to the server at the next synchronisation</translation>
    </message>
    <message>
        <source>Submit for review</source>
        <translation>Submit for review</translation>
    </message>
    <message>
        <source>Send the form up for review; all errors must be fixed first</source>
        <translation>Send the form up for review; all errors must be fixed first</translation>
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
    <message>
        <source>This record was updated (state: %1); the screen shows the new version.</source>
        <translation>This record was updated (state: %1); the screen shows the new version.</translation>
    </message>
    <message>
        <source>This form was returned for correction, but the reviewer's comments could not be read: %1</source>
        <translation>This form was returned for correction, but the reviewer's comments could not be read: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n reviewer's comment(s) to answer</source>
        <translation>
            <numerusform>%n reviewer's comment to answer</numerusform>
            <numerusform>%n reviewer's comments to answer</numerusform>
        </translation>
    </message>
    <message>
        <source>reviewer's comments answered</source>
        <translation>reviewer's comments answered</translation>
    </message>
    <message>
        <source>Returned for correction by %1 on %2.</source>
        <translation>Returned for correction by %1 on %2.</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Reason: %1</translation>
    </message>
    <message>
        <source>Returned for correction.</source>
        <translation>Returned for correction.</translation>
    </message>
    <message numerus="yes">
        <source>%n comment(s) on fields still need your reply: answer each one beside its field, then submit again.</source>
        <translation>
            <numerusform>%n comment on fields still need your reply: answer each one beside its field, then submit again.</numerusform>
            <numerusform>%n comments on fields still need your reply: answer each one beside its field, then submit again.</numerusform>
        </translation>
    </message>
    <message>
        <source>Every comment has a reply. Correct what is needed, then submit again.</source>
        <translation>Every comment has a reply. Correct what is needed, then submit again.</translation>
    </message>
    <message>
        <source>Comments on fields this form does not show: %1</source>
        <translation>Comments on fields this form does not show: %1</translation>
    </message>
    <message>
        <source>The reply was not saved: %1</source>
        <translation>The reply was not saved: %1</translation>
    </message>
    <message>
        <source>Reply saved. It reaches the reviewer at the next synchronisation.</source>
        <translation>Reply saved. It reaches the reviewer at the next synchronisation.</translation>
    </message>
    <message numerus="yes">
        <source>Not sent back yet: %n comment(s) of the reviewer still need your reply. Write it under the comment and press "Send reply".</source>
        <translation>
            <numerusform>Not sent back yet: %n comment of the reviewer still need your reply. Write it under the comment and press "Send reply".</numerusform>
            <numerusform>Not sent back yet: %n comments of the reviewer still need your reply. Write it under the comment and press "Send reply".</numerusform>
        </translation>
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
<context>
    <name>dantoc::gui::LikelyDuplicates</name>
    <message>
        <source>«%1» (row %2)</source>
        <translation>«%1» (row %2)</translation>
    </message>
    <message>
        <source>%1: %2 may be the same</source>
        <translation>%1: %2 may be the same</translation>
    </message>
</context>
<context>
    <name>dantoc::gui::MainWindow</name>
    <message>
        <source>dantoc — ethnic-affairs data</source>
        <translation>dantoc — ethnic-affairs data</translation>
    </message>
    <message>
        <source>Find a unit (e.g. bat xat)</source>
        <translation>Find a unit (e.g. bat xat)</translation>
    </message>
    <message>
        <source>Search records</source>
        <translation>Search records</translation>
    </message>
    <message>
        <source>Reporting period</source>
        <translation>Reporting period</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Records</translation>
    </message>
    <message>
        <source>Records that need attention</source>
        <translation>Records that need attention</translation>
    </message>
    <message>
        <source>Not connected to a server: data stays on this computer</source>
        <translation>Not connected to a server: data stays on this computer</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Main</translation>
    </message>
    <message>
        <source>New record…</source>
        <translation>New record…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Lock</translation>
    </message>
    <message>
        <source>&amp;Store</source>
        <translation>&amp;Store</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>All periods</source>
        <translation>All periods</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>Double-click to open the record and correct it.</source>
        <translation>Double-click to open the record and correct it.</translation>
    </message>
    <message>
        <source>Nothing refused or waiting.</source>
        <translation>Nothing refused or waiting.</translation>
    </message>
    <message>
        <source>Cannot open the record</source>
        <translation>Cannot open the record</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Cannot create the record</source>
        <translation>Cannot create the record</translation>
    </message>
    <message>
        <source>New record</source>
        <translation>New record</translation>
    </message>
    <message>
        <source>Choose a unit in the tree first.</source>
        <translation>Choose a unit in the tree first.</translation>
    </message>
    <message>
        <source>No form is made for this kind of unit.</source>
        <translation>No form is made for this kind of unit.</translation>
    </message>
    <message>
        <source>New record for %1</source>
        <translation>New record for %1</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>Awaiting review</source>
        <translation>Awaiting review</translation>
    </message>
</context>
<context>
    <name>dantoc::gui::PositionButton</name>
    <message>
        <source>Use my position</source>
        <translation>Use my position</translation>
    </message>
    <message>
        <source>Fills the coordinates from this computer's location source; they can still be typed.</source>
        <translation>Fills the coordinates from this computer's location source; they can still be typed.</translation>
    </message>
    <message>
        <source>The location source gave no valid position: type the coordinates.</source>
        <translation>The location source gave no valid position: type the coordinates.</translation>
    </message>
    <message>
        <source>No position within %1 seconds: type the coordinates.</source>
        <translation>No position within %1 seconds: type the coordinates.</translation>
    </message>
    <message>
        <source>The location source is not available: type the coordinates.</source>
        <translation>The location source is not available: type the coordinates.</translation>
    </message>
</context>
<context>
    <name>dantoc::gui::RecordListModel</name>
    <message>
        <source>No records yet</source>
        <translation>No records yet</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n record</numerusform>
            <numerusform>%n records</numerusform>
        </translation>
    </message>
    <message>
        <source>Unit code %1</source>
        <translation>Unit code %1</translation>
    </message>
    <message>
        <source>Form %1, version %2</source>
        <translation>Form %1, version %2</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Needs attention</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>Last change</translation>
    </message>
</context>
<context>
    <name>dantoc::gui::ReviewCommentBox</name>
    <message>
        <source>Your reply to the reviewer (what you checked or corrected)</source>
        <translation>Your reply to the reviewer (what you checked or corrected)</translation>
    </message>
    <message>
        <source>Send reply</source>
        <translation>Send reply</translation>
    </message>
    <message>
        <source>Reviewer's comment (%1, %2):</source>
        <translation>Reviewer's comment (%1, %2):</translation>
    </message>
    <message>
        <source>Reviewer's comment on "%1" (%2, %3):</source>
        <translation>Reviewer's comment on "%1" (%2, %3):</translation>
    </message>
    <message>
        <source>Your reply: %1</source>
        <translation>Your reply: %1</translation>
    </message>
    <message>
        <source>Write your reply first: an empty reply tells the reviewer nothing.</source>
        <translation>Write your reply first: an empty reply tells the reviewer nothing.</translation>
    </message>
</context>
<context>
    <name>dantoc::gui::ReviewQueueModel</name>
    <message numerus="yes">
        <source>%n record(s) awaiting review</source>
        <translation>
            <numerusform>%n record awaiting review</numerusform>
            <numerusform>%n records awaiting review</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n overdue</numerusform>
            <numerusform>%n overdue</numerusform>
        </translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>%1 (overdue)</source>
        <translation>%1 (overdue)</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Deadline</translation>
    </message>
</context>
<context>
    <name>dantoc::gui::ReviewQueueWidget</name>
    <message>
        <source>Unit:</source>
        <translation>Unit:</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <source>Form:</source>
        <translation>Form:</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>All units</translation>
    </message>
    <message>
        <source>All periods</source>
        <translation>All periods</translation>
    </message>
    <message>
        <source>All forms</source>
        <translation>All forms</translation>
    </message>
</context>
<context>
    <name>dantoc::gui::ReviewRecordWidget</name>
    <message>
        <source>What should the commune check or correct?</source>
        <translation>What should the commune check or correct?</translation>
    </message>
    <message>
        <source>Write the reason for returning it: the commune sees it first.</source>
        <translation>Write the reason for returning it: the commune sees it first.</translation>
    </message>
    <message>
        <source>The comment on "%1" is empty: write it or remove it.</source>
        <translation>The comment on "%1" is empty: write it or remove it.</translation>
    </message>
    <message>
        <source>Comments go with a return. Remove them, or return the record instead.</source>
        <translation>Comments go with a return. Remove them, or return the record instead.</translation>
    </message>
    <message>
        <source>Not done: the content changed since you opened it (version %1 → %2). The new content is shown, with what changed highlighted; look at it again before you act.</source>
        <translation>Not done: the content changed since you opened it (version %1 → %2). The new content is shown, with what changed highlighted; look at it again before you act.</translation>
    </message>
    <message>
        <source>Not done: %1</source>
        <translation>Not done: %1</translation>
    </message>
    <message numerus="yes">
        <source>Returned to the commune with %n field comment(s); it is sent at the next synchronisation.</source>
        <translation>
            <numerusform>Returned to the commune with %n field comment; it is sent at the next synchronisation.</numerusform>
            <numerusform>Returned to the commune with %n field comments; it is sent at the next synchronisation.</numerusform>
        </translation>
    </message>
    <message>
        <source>Approved; it is sent at the next synchronisation.</source>
        <translation>Approved; it is sent at the next synchronisation.</translation>
    </message>
    <message>
        <source>Forwarded; it is sent at the next synchronisation.</source>
        <translation>Forwarded; it is sent at the next synchronisation.</translation>
    </message>
    <message>
        <source>Accepted; it is sent at the next synchronisation.</source>
        <translation>Accepted; it is sent at the next synchronisation.</translation>
    </message>
    <message>
        <source>Nothing for you to do on this record now.</source>
        <translation>Nothing for you to do on this record now.</translation>
    </message>
    <message>
        <source>Your action covers content version %1, as shown.</source>
        <translation>Your action covers content version %1, as shown.</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Reply: %1</source>
        <translation>Reply: %1</translation>
    </message>
    <message>
        <source>No comments or history yet.</source>
        <translation>No comments or history yet.</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>Scan</translation>
    </message>
    <message>
        <source>Scan (%1)</source>
        <translation>Scan (%1)</translation>
    </message>
    <message>
        <source>No signed scan or photo is attached to this record.</source>
        <translation>No signed scan or photo is attached to this record.</translation>
    </message>
    <message>
        <source>The scan "%1" is not on this computer yet: it is fetched at the next synchronisation.</source>
        <translation>The scan "%1" is not on this computer yet: it is fetched at the next synchronisation.</translation>
    </message>
    <message>
        <source>The scan could not be read: %1</source>
        <translation>The scan could not be read: %1</translation>
    </message>
    <message>
        <source>The PDF could not be shown (damaged or protected).</source>
        <translation>The PDF could not be shown (damaged or protected).</translation>
    </message>
    <message>
        <source>This file cannot be shown here (%1).</source>
        <translation>This file cannot be shown here (%1).</translation>
    </message>
    <message>
        <source>The server refused your last action on this record: %1 The record as the server holds it now is shown.</source>
        <translation>The server refused your last action on this record: %1 The record as the server holds it now is shown.</translation>
    </message>
    <message>
        <source>Double-click a field to comment on it in the return.</source>
        <translation>Double-click a field to comment on it in the return.</translation>
    </message>
    <message>
        <source>Reason for returning (the commune sees it):</source>
        <translation>Reason for returning (the commune sees it):</translation>
    </message>
    <message>
        <source>e.g. The number of poor households is much higher than last period.</source>
        <translation>e.g. The number of poor households is much higher than last period.</translation>
    </message>
    <message>
        <source>Comments on fields (double-click a field on the left to add one):</source>
        <translation>Comments on fields (double-click a field on the left to add one):</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Comment on the selected field</source>
        <translation>Comment on the selected field</translation>
    </message>
    <message>
        <source>Remove comment</source>
        <translation>Remove comment</translation>
    </message>
    <message>
        <source>Select a field on the left first.</source>
        <translation>Select a field on the left first.</translation>
    </message>
    <message>
        <source>Return for correction</source>
        <translation>Return for correction</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Forward</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Accept</translation>
    </message>
    <message>
        <source>Send it back to the commune with the reason and the field comments</source>
        <translation>Send it back to the commune with the reason and the field comments</translation>
    </message>
    <message>
        <source>Approve what is shown (content version on screen)</source>
        <translation>Approve what is shown (content version on screen)</translation>
    </message>
    <message>
        <source>Send the approved record up to the next level</source>
        <translation>Send the approved record up to the next level</translation>
    </message>
    <message>
        <source>Accept it at the final level: it counts in the official figures</source>
        <translation>Accept it at the final level: it counts in the official figures</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>Comments and history</source>
        <translation>Comments and history</translation>
    </message>
    <message>
        <source>The record could not be opened: %1</source>
        <translation>The record could not be opened: %1</translation>
    </message>
    <message>
        <source>The form of this record is not in the store yet; synchronise first (%1).</source>
        <translation>The form of this record is not in the store yet; synchronise first (%1).</translation>
    </message>
    <message>
        <source>The content changed since you opened it (version %1 → %2): the new content is shown, with what changed highlighted. Look at it again before you act.</source>
        <translation>The content changed since you opened it (version %1 → %2): the new content is shown, with what changed highlighted. Look at it again before you act.</translation>
    </message>
    <message>
        <source>%1 · state: %2 · content version %3</source>
        <translation>%1 · state: %2 · content version %3</translation>
    </message>
    <message>
        <source>overdue since %1</source>
        <translation>overdue since %1</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>due %1</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Changed</translation>
    </message>
    <message>
        <source>When returned (v%1)</source>
        <translation>When returned (v%1)</translation>
    </message>
    <message>
        <source>Previous period (%1)</source>
        <translation>Previous period (%1)</translation>
    </message>
    <message>
        <source>Compared with</source>
        <translation>Compared with</translation>
    </message>
    <message>
        <source>This record</source>
        <translation>This record</translation>
    </message>
    <message>
        <source>Nothing changed since it was returned.</source>
        <translation>Nothing changed since it was returned.</translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) changed since it was returned (highlighted).</source>
        <translation>
            <numerusform>%n field changed since it was returned (highlighted).</numerusform>
            <numerusform>%n fields changed since it was returned (highlighted).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n difference(s) from the previous period (highlighted).</source>
        <translation>
            <numerusform>%n difference from the previous period (highlighted).</numerusform>
            <numerusform>%n differences from the previous period (highlighted).</numerusform>
        </translation>
    </message>
    <message>
        <source>No earlier report of this unit and form in the store to compare with.</source>
        <translation>No earlier report of this unit and form in the store to compare with.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
    <message>
        <source>Row %1</source>
        <translation>Row %1</translation>
    </message>
    <message>
        <source>Row removed</source>
        <translation>Row removed</translation>
    </message>
    <message>
        <source>draft created</source>
        <translation>draft created</translation>
    </message>
    <message>
        <source>saved</source>
        <translation>saved</translation>
    </message>
    <message>
        <source>submitted for review</source>
        <translation>submitted for review</translation>
    </message>
    <message>
        <source>submitted again after correction</source>
        <translation>submitted again after correction</translation>
    </message>
    <message>
        <source>returned for correction</source>
        <translation>returned for correction</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>approved</translation>
    </message>
    <message>
        <source>forwarded to the next level</source>
        <translation>forwarded to the next level</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>accepted</translation>
    </message>
    <message>
        <source>approval taken back</source>
        <translation>approval taken back</translation>
    </message>
    <message>
        <source>comment or reply written</source>
        <translation>comment or reply written</translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>this computer</translation>
    </message>
    <message>
        <source>Take back approval</source>
        <translation>Take back approval</translation>
    </message>
    <message>
        <source>Undo your approval while the record has not been forwarded yet</source>
        <translation>Undo your approval while the record has not been forwarded yet</translation>
    </message>
    <message>
        <source>⚠ %1 — explanation: %2</source>
        <translation>⚠ %1 — explanation: %2</translation>
    </message>
    <message>
        <source>none given</source>
        <translation>none given</translation>
    </message>
    <message>
        <source>Warnings:</source>
        <translation>Warnings:</translation>
    </message>
</context>
<context>
    <name>dantoc::gui::SyncStatusWidget</name>
    <message>
        <source>Sync now</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>Not connected to a server: data stays on this computer</source>
        <translation>Not connected to a server: data stays on this computer</translation>
    </message>
    <message>
        <source>Everything sent</source>
        <translation>Everything sent</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%n change waiting to be sent</numerusform>
            <numerusform>%n changes waiting to be sent</numerusform>
        </translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>Never synced</translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>Last sync: %1</translation>
    </message>
    <message>
        <source>● Offline</source>
        <translation>● Offline</translation>
    </message>
    <message>
        <source>● Connecting…</source>
        <translation>● Connecting…</translation>
    </message>
    <message>
        <source>● Online</source>
        <translation>● Online</translation>
    </message>
    <message>
        <source>● Syncing…</source>
        <translation>● Syncing…</translation>
    </message>
    <message>
        <source>Sending %1/%2 · %3</source>
        <translation>Sending %1/%2 · %3</translation>
    </message>
    <message>
        <source>Uploading scans %1/%2 · %3</source>
        <translation>Uploading scans %1/%2 · %3</translation>
    </message>
    <message>
        <source>Receiving %1 record(s) · %2</source>
        <translation>Receiving %1 record(s) · %2</translation>
    </message>
</context>
<context>
    <name>dantoc::gui::UnitTreeModel</name>
    <message>
        <source>Administrative units</source>
        <translation>Administrative units</translation>
    </message>
    <message>
        <source>%1 %2 (code %3)</source>
        <translation>%1 %2 (code %3)</translation>
    </message>
</context>
<context>
    <name>dantoc::gui::UnlockWidget</name>
    <message>
        <source>Open the local store</source>
        <translation>Open the local store</translation>
    </message>
    <message>
        <source>Store: %1</source>
        <translation>Store: %1</translation>
    </message>
    <message>
        <source>Store passphrase</source>
        <translation>Store passphrase</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Type the store passphrase.</source>
        <translation>Type the store passphrase.</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>Unlocking…</translation>
    </message>
    <message>
        <source>Wrong passphrase. Try again; the store is unchanged.</source>
        <translation>Wrong passphrase. Try again; the store is unchanged.</translation>
    </message>
</context>
</TS>