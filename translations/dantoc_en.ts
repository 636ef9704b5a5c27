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
</TS>