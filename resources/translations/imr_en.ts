<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="es">
<context>
    <name>App</name>
    <message>
        <location filename="../../ui/app.py" line="98" />
        <source>Contraseña de la base de datos</source>
        <translation>Database password</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="99" />
        <source>Contraseña de {0} en {1}:</source>
        <translation>Password of {0} on {1}:</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="160" />
        <source>Revise la configuración de la base de datos y vuelva a intentar.</source>
        <translation>Check the database settings and try again.</translation>
    </message>
</context>
<context>
    <name>ClientPanel</name>
    <message>
        <location filename="../../ui/search_panel.py" line="156" />
        <source>Ningún cliente seleccionado</source>
        <translation>No client selected</translation>
    </message>
    <message>
        <location filename="../../ui/search_panel.py" line="165" />
        <source>Contacto</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../ui/search_panel.py" line="165" />
        <source>Usuario clave</source>
        <translation>Key user</translation>
    </message>
    <message>
        <location filename="../../ui/search_panel.py" line="165" />
        <source>Correo</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../ui/search_panel.py" line="165" />
        <source>Teléfono</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/search_panel.py" line="187" />
        <source>Contactos e historial de tiquetes</source>
        <translation>Contacts and ticket history</translation>
    </message>
    <message>
        <location filename="../../ui/search_panel.py" line="192" />
        <source>Cargando…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../ui/search_panel.py" line="204" />
        <source>No se pudo cargar el cliente: {0}</source>
        <translation>Could not load the client: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/search_panel.py" line="211" />
        <source>Tiquete sin cliente registrado</source>
        <translation>Ticket without a registered client</translation>
    </message>
    <message>
        <location filename="../../ui/search_panel.py" line="221" />
        <source>✔ Contrato vigente {0} — del {1:%d/%m/%Y} al {2:%d/%m/%Y}</source>
        <translation>✔ Contract in force {0} — from {1:%d/%m/%Y} to {2:%d/%m/%Y}</translation>
    </message>
    <message>
        <location filename="../../ui/search_panel.py" line="227" />
        <source>✖ Sin contrato vigente</source>
        <translation>✖ No contract in force</translation>
    </message>
    <message>
        <location filename="../../ui/search_panel.py" line="233" />
        <source>vigente</source>
        <translation>in force</translation>
    </message>
    <message>
        <location filename="../../ui/search_panel.py" line="233" />
        <source>vencido</source>
        <translation>expired</translation>
    </message>
    <message>
        <location filename="../../ui/search_panel.py" line="241" />
        <source>sí</source>
        <translation>yes</translation>
    </message>
</context>
<context>
    <name>ClockText</name>
    <message>
        <location filename="../../ui/clock_text.py" line="65" />
        <source>vencido hace {0}</source>
        <translation>breached {0} ago</translation>
    </message>
    <message>
        <location filename="../../ui/clock_text.py" line="69" />
        <source>cumplido</source>
        <translation>met</translation>
    </message>
    <message>
        <location filename="../../ui/clock_text.py" line="72" />
        <source>cumplido con atraso ({0})</source>
        <translation>met late ({0})</translation>
    </message>
    <message>
        <location filename="../../ui/clock_text.py" line="78" />
        <source>en pausa — fuera de horario (se reanuda {0})</source>
        <translation>paused — outside hours (resumes {0})</translation>
    </message>
    <message>
        <location filename="../../ui/clock_text.py" line="82" />
        <source>en riesgo</source>
        <translation>at risk</translation>
    </message>
    <message>
        <location filename="../../ui/clock_text.py" line="84" />
        <source>en tiempo</source>
        <translation>on time</translation>
    </message>
</context>
<context>
    <name>DeskAlerts</name>
    <message>
        <location filename="../../ui/alerts.py" line="42" />
        <source>Consola IMR — Centro de Soluciones</source>
        <translation>IMR console — Solutions Centre</translation>
    </message>
    <message>
        <location filename="../../ui/alerts.py" line="48" />
        <source>Nuevo tiquete Muy alto</source>
        <translation>New Very high ticket</translation>
    </message>
    <message>
        <location filename="../../ui/alerts.py" line="55" />
        <source>Tiquete vencido</source>
        <translation>Ticket breached</translation>
    </message>
    <message>
        <location filename="../../ui/alerts.py" line="57" />
        <source>Tiquete en riesgo</source>
        <translation>Ticket at risk</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="67" />
        <source>Mis tiquetes</source>
        <translation>My tickets</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="68" />
        <source>Sin asignar</source>
        <translation>Unassigned</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="69" />
        <source>Todos abiertos</source>
        <translation>All open</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="70" />
        <source>En riesgo</source>
        <translation>At risk</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="71" />
        <source>Vencidos</source>
        <translation>Breached</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="118" />
        <source>Consola IMR — Centro de Soluciones</source>
        <translation>IMR console — Solutions Centre</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="173" />
        <source>Nuevo tiquete</source>
        <translation>New ticket</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="180" />
        <source>Tomar siguiente</source>
        <translation>Take next</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="182" />
        <location filename="../../ui/main_window.py" line="304" />
        <source>Abrir</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="183" />
        <source>Abrir el tiquete seleccionado (Intro)</source>
        <translation>Open the selected ticket (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="184" />
        <source>Actualizar</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="186" />
        <source>Buscar</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="189" />
        <source>Buscar en todos los tiquetes</source>
        <translation>Search all tickets</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="192" />
        <source>Configuración</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="195" />
        <source>Directorio</source>
        <translation>Directory</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="199" />
        <source>Acciones</source>
        <translation>Actions</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="213" />
        <source>Representante técnico: &lt;b&gt;{0}&lt;/b&gt;</source>
        <translation>Technician: &lt;b&gt;{0}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="243" />
        <source>Todas las prioridades</source>
        <translation>All priorities</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="249" />
        <source>Todos los canales</source>
        <translation>All channels</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="256" />
        <source>Filtrar por cliente, asunto o número (Ctrl+F)</source>
        <translation>Filter by client, subject or number (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="273" />
        <source>Reintentar</source>
        <translation>Retry</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="318" />
        <source>Búsqueda</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="319" />
        <source>Cliente</source>
        <translation>Client</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="329" />
        <source>Base de datos: {0}</source>
        <translation>Database: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="332" />
        <source>Técnico: {0} ({1})</source>
        <translation>Technician: {0} ({1})</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="338" />
        <location filename="../../ui/main_window.py" line="556" />
        <source>Conectado</source>
        <translation>Connected</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="352" />
        <source>Actualizando la cola…</source>
        <translation>Refreshing the queue…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="380" />
        <source>Sin conexión con la base de datos: {0}. La cola mostrada puede no estar al día; se reintentará automáticamente.</source>
        <translation>No connection to the database: {0}. The queue shown may be out of date; retrying automatically.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="417" />
        <source>Seleccione un tiquete de la cola.</source>
        <translation>Select a ticket in the queue.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="425" />
        <source>El detalle del tiquete aún no está disponible.</source>
        <translation>Ticket details are not available yet.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="433" />
        <source>El registro de tiquetes nuevos aún no está disponible.</source>
        <translation>Opening new tickets is not available yet.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="442" />
        <source>Tomando el siguiente tiquete…</source>
        <translation>Taking the next ticket…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="451" />
        <source>La configuración aún no está disponible.</source>
        <translation>Settings are not available yet.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="481" />
        <source>Conexión restablecida</source>
        <translation>Connection restored</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="482" />
        <source>Cola actualizada.</source>
        <translation>Queue refreshed.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="493" />
        <source>No hay tiquetes sin asignar.</source>
        <translation>There are no unassigned tickets.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="496" />
        <source>Tomó {0}: {1}</source>
        <translation>Took {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="507" />
        <source>No se pudo completar</source>
        <translation>Could not complete</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="556" />
        <source>Sin conexión</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="613" />
        <source>{0} de {1} tiquetes abiertos</source>
        <translation>{0} of {1} open tickets</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../../ui/queue_model.py" line="63" />
        <source>Tiempo restante</source>
        <translation>Time left</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="64" />
        <source>Prioridad</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="65" />
        <source>Tiquete</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="66" />
        <source>Cliente</source>
        <translation>Client</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="67" />
        <source>Asunto</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="68" />
        <source>Canal</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="69" />
        <source>Estado</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="70" />
        <source>Técnico</source>
        <translation>Technician</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="71" />
        <source>Antigüedad</source>
        <translation>Age</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="72" />
        <source>Última acción</source>
        <translation>Last action</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="227" />
        <source>{0} — vence {1}</source>
        <translation>{0} — due {1}</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="247" />
        <source>Marcado para revisión del supervisor (sin contrato vigente o contacto no registrado)</source>
        <translation>Flagged for supervisor review (no contract in force or unregistered contact)</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../ui/search_panel.py" line="72" />
        <source>Número, cliente, contacto, asunto o texto…</source>
        <translation>Number, client, contact, subject or text…</translation>
    </message>
    <message>
        <location filename="../../ui/search_panel.py" line="74" />
        <source>Buscar</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../ui/search_panel.py" line="75" />
        <source>Busque en todos los tiquetes, también los cerrados.</source>
        <translation>Search every ticket, closed ones too.</translation>
    </message>
    <message>
        <location filename="../../ui/search_panel.py" line="84" />
        <source>Ver cliente</source>
        <translation>Show client</translation>
    </message>
    <message>
        <location filename="../../ui/search_panel.py" line="106" />
        <source>Escriba qué buscar.</source>
        <translation>Type what to search for.</translation>
    </message>
    <message>
        <location filename="../../ui/search_panel.py" line="108" />
        <source>Buscando…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <location filename="../../ui/search_panel.py" line="116" />
        <source>{0} tiquetes encontrados.</source>
        <translation>{0} tickets found.</translation>
    </message>
    <message>
        <location filename="../../ui/search_panel.py" line="118" />
        <source>Ningún tiquete coincide.</source>
        <translation>No ticket matches.</translation>
    </message>
    <message>
        <location filename="../../ui/search_panel.py" line="121" />
        <source>No se pudo buscar: {0}</source>
        <translation>Search failed: {0}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="69" />
        <source>Configuración</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="74" />
        <source>Usar la base de datos local (SQLite, de prueba)</source>
        <translation>Use the local database (SQLite, for trying out)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="85" />
        <source>se guarda en el llavero del sistema</source>
        <translation>stored in the system keyring</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="87" />
        <source>guardada en el llavero (sin cambios)</source>
        <translation>stored in the keyring (unchanged)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="95" />
        <source>No hay un llavero del sistema disponible: la contraseña no se guardará y se pedirá en cada inicio.</source>
        <translation>No system keyring is available: the password will not be stored and will be asked at every start.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="101" />
        <source>Base de datos compartida (PostgreSQL)</source>
        <translation>Shared database (PostgreSQL)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="104" />
        <source>Servidor</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="105" />
        <source>Puerto</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="106" />
        <source>Base de datos</source>
        <translation>Database</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="107" />
        <source>Usuario</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="108" />
        <source>Contraseña</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="109" />
        <source>Modo TLS</source>
        <translation>TLS mode</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="127" />
        <source>Sonido en las alertas</source>
        <translation>Sound on alerts</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="129" />
        <source>Escritorio</source>
        <translation>Desk</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="131" />
        <source>Representante técnico</source>
        <translation>Technician</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="132" />
        <source>Idioma</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="135" />
        <source>Los cambios de base de datos e idioma se aplican al reiniciar la consola.</source>
        <translation>Database and language changes apply when the console restarts.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="147" />
        <source>Guardar</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="148" />
        <source>Cancelar</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="175" />
        <source>Indique el servidor de la base de datos.</source>
        <translation>Enter the database server.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="178" />
        <source>Indique el usuario de la base de datos.</source>
        <translation>Enter the database user.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="194" />
        <source>No se pudo guardar la configuración: {0}</source>
        <translation>Could not save the settings: {0}</translation>
    </message>
</context>
</TS>