<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="es">
    <context>
        <name>App</name>
        <message>
            <location filename="../../ui/app.py" line="66" />
            <source>No hay representantes técnicos activos en la base de datos; un administrador debe registrar al menos uno.</source>
            <translation>There are no active technicians in the database; an administrator must register at least one.</translation>
        </message>
        <message>
            <location filename="../../ui/app.py" line="107" />
            <source>Contraseña de la base de datos</source>
            <translation>Database password</translation>
        </message>
        <message>
            <location filename="../../ui/app.py" line="108" />
            <source>Contraseña de {0} en {1}:</source>
            <translation>Password of {0} on {1}:</translation>
        </message>
        <message>
            <location filename="../../ui/app.py" line="169" />
            <source>Revise la configuración de la base de datos y vuelva a intentar.</source>
            <translation>Check the database settings and try again.</translation>
        </message>
    </context>
    <context>
        <name>AuditPanel</name>
        <message>
            <location filename="../../ui/audit_panel.py" line="98" />
            <source>Por {0} ({1}) · {2}</source>
            <translation>By {0} ({1}) · {2}</translation>
        </message>
        <message>
            <location filename="../../ui/audit_panel.py" line="105" />
            <source>Motivo:</source>
            <translation>Reason:</translation>
        </message>
        <message>
            <location filename="../../ui/audit_panel.py" line="108" />
            <source>El cambio no registró campos.</source>
            <translation>This change recorded no fields.</translation>
        </message>
        <message>
            <location filename="../../ui/audit_panel.py" line="114" />
            <source>Campo</source>
            <translation>Field</translation>
        </message>
        <message>
            <location filename="../../ui/audit_panel.py" line="115" />
            <source>Antes</source>
            <translation>Before</translation>
        </message>
        <message>
            <location filename="../../ui/audit_panel.py" line="116" />
            <source>Después</source>
            <translation>After</translation>
        </message>
        <message>
            <location filename="../../ui/audit_panel.py" line="145" />
            <source>Fecha y hora</source>
            <translation>Date and time</translation>
        </message>
        <message>
            <location filename="../../ui/audit_panel.py" line="146" />
            <location filename="../../ui/audit_panel.py" line="285" />
            <source>Quién</source>
            <translation>Who</translation>
        </message>
        <message>
            <location filename="../../ui/audit_panel.py" line="147" />
            <source>Qué</source>
            <translation>What</translation>
        </message>
        <message>
            <location filename="../../ui/audit_panel.py" line="148" />
            <source>Registro</source>
            <translation>Record</translation>
        </message>
        <message>
            <location filename="../../ui/audit_panel.py" line="149" />
            <source>Acción</source>
            <translation>Action</translation>
        </message>
        <message>
            <location filename="../../ui/audit_panel.py" line="150" />
            <source>Motivo</source>
            <translation>Reason</translation>
        </message>
        <message>
            <location filename="../../ui/audit_panel.py" line="264" />
            <source>Todos los registros</source>
            <translation>All records</translation>
        </message>
        <message>
            <location filename="../../ui/audit_panel.py" line="269" />
            <source>Todas las personas</source>
            <translation>Everyone</translation>
        </message>
        <message>
            <location filename="../../ui/audit_panel.py" line="273" />
            <source>Buscar registro, acción o motivo…</source>
            <translation>Search record, action or reason…</translation>
        </message>
        <message>
            <location filename="../../ui/audit_panel.py" line="278" />
            <source>Actualizar</source>
            <translation>Refresh</translation>
        </message>
        <message>
            <location filename="../../ui/audit_panel.py" line="280" />
            <source>Exportar CSV…</source>
            <translation>Export CSV…</translation>
        </message>
        <message>
            <location filename="../../ui/audit_panel.py" line="283" />
            <source>Tipo</source>
            <translation>Kind</translation>
        </message>
        <message>
            <location filename="../../ui/audit_panel.py" line="288" />
            <source>Desde</source>
            <translation>From</translation>
        </message>
        <message>
            <location filename="../../ui/audit_panel.py" line="290" />
            <source>hasta</source>
            <translation>to</translation>
        </message>
        <message>
            <location filename="../../ui/audit_panel.py" line="301" />
            <location filename="../../ui/audit_panel.py" line="383" />
            <source>Cargando el registro de cambios…</source>
            <translation>Loading the change log…</translation>
        </message>
        <message>
            <location filename="../../ui/audit_panel.py" line="304" />
            <source>Cargar más</source>
            <translation>Load more</translation>
        </message>
        <message>
            <location filename="../../ui/audit_panel.py" line="377" />
            <location filename="../../ui/audit_panel.py" line="520" />
            <source>La fecha final es anterior a la inicial.</source>
            <translation>The end date is before the start date.</translation>
        </message>
        <message>
            <location filename="../../ui/audit_panel.py" line="435" />
            <location filename="../../ui/audit_panel.py" line="442" />
            <source>No se pudo cargar el registro de cambios.</source>
            <translation>Could not load the change log.</translation>
        </message>
        <message>
            <location filename="../../ui/audit_panel.py" line="437" />
            <source>Reintentar</source>
            <translation>Retry</translation>
        </message>
        <message>
            <location filename="../../ui/audit_panel.py" line="441" />
            <source>Sin datos</source>
            <translation>No data</translation>
        </message>
        <message>
            <location filename="../../ui/audit_panel.py" line="464" />
            <source>Ningún cambio</source>
            <translation>No changes</translation>
        </message>
        <message>
            <location filename="../../ui/audit_panel.py" line="467" />
            <source>No hay cambios que coincidan con los filtros en estas fechas.
Pruebe con otras fechas o quite algún filtro.</source>
            <translation>No changes match the filters on these dates.
Try other dates or remove a filter.</translation>
        </message>
        <message>
            <location filename="../../ui/audit_panel.py" line="472" />
            <source>No se registraron cambios entre estas fechas.</source>
            <translation>No changes were made between these dates.</translation>
        </message>
        <message>
            <location filename="../../ui/audit_panel.py" line="479" />
            <source>Se muestran los {0} cambios más recientes; hay más.</source>
            <translation>Showing the {0} most recent changes; there are more.</translation>
        </message>
        <message>
            <location filename="../../ui/audit_panel.py" line="481" />
            <source>1 cambio</source>
            <translation>1 change</translation>
        </message>
        <message>
            <location filename="../../ui/audit_panel.py" line="483" />
            <source>{0} cambios</source>
            <translation>{0} changes</translation>
        </message>
        <message>
            <location filename="../../ui/audit_panel.py" line="510" />
            <source>Seleccione un cambio para ver qué campos cambiaron.</source>
            <translation>Select a change to see which fields changed.</translation>
        </message>
        <message>
            <location filename="../../ui/audit_panel.py" line="530" />
            <source>Registro guardado en {0}</source>
            <translation>Change log saved to {0}</translation>
        </message>
        <message>
            <location filename="../../ui/audit_panel.py" line="536" />
            <source>No se pudo guardar el archivo: {0}</source>
            <translation>Could not save the file: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/audit_panel.py" line="550" />
            <source>Exportar registro de cambios</source>
            <translation>Export change log</translation>
        </message>
    </context>
    <context>
        <name>Banner</name>
        <message>
            <location filename="../../ui/widgets/banner.py" line="35" />
            <source>Ocultar</source>
            <translation>Hide</translation>
        </message>
    </context>
    <context>
        <name>CalendarEditor</name>
        <message>
            <location filename="../../ui/calendar_editor.py" line="39" />
            <source>Lunes</source>
            <translation>Monday</translation>
        </message>
        <message>
            <location filename="../../ui/calendar_editor.py" line="40" />
            <source>Martes</source>
            <translation>Tuesday</translation>
        </message>
        <message>
            <location filename="../../ui/calendar_editor.py" line="41" />
            <source>Miércoles</source>
            <translation>Wednesday</translation>
        </message>
        <message>
            <location filename="../../ui/calendar_editor.py" line="42" />
            <source>Jueves</source>
            <translation>Thursday</translation>
        </message>
        <message>
            <location filename="../../ui/calendar_editor.py" line="43" />
            <source>Viernes</source>
            <translation>Friday</translation>
        </message>
        <message>
            <location filename="../../ui/calendar_editor.py" line="44" />
            <source>Sábado</source>
            <translation>Saturday</translation>
        </message>
        <message>
            <location filename="../../ui/calendar_editor.py" line="45" />
            <source>Domingo</source>
            <translation>Sunday</translation>
        </message>
        <message>
            <location filename="../../ui/calendar_editor.py" line="66" />
            <source>tramo no válido: «{0}» (use 08:00–17:00)</source>
            <translation>invalid time span: “{0}” (use 08:00–17:00)</translation>
        </message>
        <message>
            <location filename="../../ui/calendar_editor.py" line="89" />
            <source>Calendarios y política de primer contacto</source>
            <translation>Calendars and first-contact policy</translation>
        </message>
        <message>
            <location filename="../../ui/calendar_editor.py" line="99" />
            <source>Horario de oficina</source>
            <translation>Office hours</translation>
        </message>
        <message>
            <location filename="../../ui/calendar_editor.py" line="104" />
            <source>cerrado</source>
            <translation>closed</translation>
        </message>
        <message>
            <location filename="../../ui/calendar_editor.py" line="109" />
            <source>&lt;small&gt;Tramos como 08:00–12:00, 13:00–17:00; vacío = cerrado.&lt;/small&gt;</source>
            <translation>&lt;small&gt;Spans like 08:00–12:00, 13:00–17:00; empty = closed.&lt;/small&gt;</translation>
        </message>
        <message>
            <location filename="../../ui/calendar_editor.py" line="114" />
            <source>Días de cierre adicionales</source>
            <translation>Additional closure days</translation>
        </message>
        <message>
            <location filename="../../ui/calendar_editor.py" line="123" />
            <source>Motivo (p. ej. inventario anual)</source>
            <translation>Reason (e.g. annual stocktaking)</translation>
        </message>
        <message>
            <location filename="../../ui/calendar_editor.py" line="124" />
            <source>Agregar</source>
            <translation>Add</translation>
        </message>
        <message>
            <location filename="../../ui/calendar_editor.py" line="126" />
            <source>Quitar</source>
            <translation>Remove</translation>
        </message>
        <message>
            <location filename="../../ui/calendar_editor.py" line="135" />
            <source>Feriados de Panamá</source>
            <translation>Panama public holidays</translation>
        </message>
        <message>
            <location filename="../../ui/calendar_editor.py" line="146" />
            <source>Calendario por prioridad y canal</source>
            <translation>Calendar by priority and channel</translation>
        </message>
        <message>
            <location filename="../../ui/calendar_editor.py" line="159" />
            <source>Umbral «en riesgo»</source>
            <translation>“At risk” threshold</translation>
        </message>
        <message>
            <location filename="../../ui/calendar_editor.py" line="163" />
            <source> % del objetivo restante</source>
            <translation> % of the target left</translation>
        </message>
        <message>
            <location filename="../../ui/calendar_editor.py" line="164" />
            <source>En riesgo con</source>
            <translation>At risk with</translation>
        </message>
        <message>
            <location filename="../../ui/calendar_editor.py" line="174" />
            <source>Guardar cambios</source>
            <translation>Save changes</translation>
        </message>
        <message>
            <location filename="../../ui/calendar_editor.py" line="177" />
            <source>Cerrar</source>
            <translation>Close</translation>
        </message>
        <message>
            <location filename="../../ui/calendar_editor.py" line="207" />
            <source>Día de cierre</source>
            <translation>Closure day</translation>
        </message>
        <message>
            <location filename="../../ui/calendar_editor.py" line="251" />
            <source>Revise el horario: {0}.</source>
            <translation>Check the hours: {0}.</translation>
        </message>
        <message>
            <location filename="../../ui/calendar_editor.py" line="254" />
            <source>No hay cambios que guardar.</source>
            <translation>There are no changes to save.</translation>
        </message>
        <message>
            <location filename="../../ui/calendar_editor.py" line="280" />
            <source>Seleccione el día de cierre que desea quitar.</source>
            <translation>Select the closure day to remove.</translation>
        </message>
        <message>
            <location filename="../../ui/calendar_editor.py" line="295" />
            <source>Cambios guardados y registrados en la auditoría. Se aplican a los vencimientos que se calculen desde ahora.</source>
            <translation>Changes saved and recorded in the audit log. They apply to deadlines computed from now on.</translation>
        </message>
        <message>
            <location filename="../../ui/calendar_editor.py" line="307" />
            <source>No se pudo completar la operación.</source>
            <translation>The operation could not be completed.</translation>
        </message>
    </context>
    <context>
        <name>ClientPanel</name>
        <message>
            <location filename="../../ui/search_panel.py" line="146" />
            <source>Ningún cliente seleccionado</source>
            <translation>No client selected</translation>
        </message>
        <message>
            <location filename="../../ui/search_panel.py" line="155" />
            <source>Contacto</source>
            <translation>Contact</translation>
        </message>
        <message>
            <location filename="../../ui/search_panel.py" line="155" />
            <source>Usuario clave</source>
            <translation>Key user</translation>
        </message>
        <message>
            <location filename="../../ui/search_panel.py" line="155" />
            <source>Correo</source>
            <translation>Email</translation>
        </message>
        <message>
            <location filename="../../ui/search_panel.py" line="155" />
            <source>Teléfono</source>
            <translation>Phone</translation>
        </message>
        <message>
            <location filename="../../ui/search_panel.py" line="177" />
            <source>Contactos e historial de tiquetes</source>
            <translation>Contacts and ticket history</translation>
        </message>
        <message>
            <location filename="../../ui/search_panel.py" line="182" />
            <source>Cargando…</source>
            <translation>Loading…</translation>
        </message>
        <message>
            <location filename="../../ui/search_panel.py" line="194" />
            <source>No se pudo cargar el cliente: {0}</source>
            <translation>Could not load the client: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/search_panel.py" line="201" />
            <source>Tiquete sin cliente registrado</source>
            <translation>Ticket without a registered client</translation>
        </message>
        <message>
            <location filename="../../ui/search_panel.py" line="211" />
            <source>✔ Contrato vigente {0} — del {1:%d/%m/%Y} al {2:%d/%m/%Y}</source>
            <translation>✔ Contract in force {0} — from {1:%d/%m/%Y} to {2:%d/%m/%Y}</translation>
        </message>
        <message>
            <location filename="../../ui/search_panel.py" line="217" />
            <source>✖ Sin contrato vigente</source>
            <translation>✖ No contract in force</translation>
        </message>
        <message>
            <location filename="../../ui/search_panel.py" line="223" />
            <source>vigente</source>
            <translation>in force</translation>
        </message>
        <message>
            <location filename="../../ui/search_panel.py" line="223" />
            <source>vencido</source>
            <translation>expired</translation>
        </message>
        <message>
            <location filename="../../ui/search_panel.py" line="231" />
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
            <location filename="../../ui/alerts.py" line="43" />
            <source>Consola IMR — Centro de Soluciones</source>
            <translation>IMR console — Solutions Centre</translation>
        </message>
        <message>
            <location filename="../../ui/alerts.py" line="49" />
            <source>Nuevo tiquete Muy alto</source>
            <translation>New Very high ticket</translation>
        </message>
        <message>
            <location filename="../../ui/alerts.py" line="56" />
            <source>Tiquete vencido</source>
            <translation>Ticket breached</translation>
        </message>
        <message>
            <location filename="../../ui/alerts.py" line="58" />
            <source>Tiquete en riesgo</source>
            <translation>Ticket at risk</translation>
        </message>
    </context>
    <context>
        <name>DirectoryDialogs</name>
        <message>
            <location filename="../../ui/directory/dialogs.py" line="42" />
            <source>Representante técnico</source>
            <translation>Technician</translation>
        </message>
        <message>
            <location filename="../../ui/directory/dialogs.py" line="43" />
            <source>Supervisor</source>
            <translation>Supervisor</translation>
        </message>
        <message>
            <location filename="../../ui/directory/dialogs.py" line="44" />
            <source>Administrador</source>
            <translation>Administrator</translation>
        </message>
        <message>
            <location filename="../../ui/directory/dialogs.py" line="45" />
            <source>Cuenta de ingreso de correo</source>
            <translation>Mail intake account</translation>
        </message>
        <message>
            <location filename="../../ui/directory/dialogs.py" line="75" />
            <source>Guardar</source>
            <translation>Save</translation>
        </message>
        <message>
            <location filename="../../ui/directory/dialogs.py" line="76" />
            <source>Cancelar</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../ui/directory/dialogs.py" line="105" />
            <source>Editar cliente</source>
            <translation>Edit client</translation>
        </message>
        <message>
            <location filename="../../ui/directory/dialogs.py" line="105" />
            <source>Nuevo cliente</source>
            <translation>New client</translation>
        </message>
        <message>
            <location filename="../../ui/directory/dialogs.py" line="108" />
            <source>RUC, p. ej. 155-1-2345 DV 12</source>
            <translation>RUC (tax ID), e.g. 155-1-2345 DV 12</translation>
        </message>
        <message>
            <location filename="../../ui/directory/dialogs.py" line="112" />
            <source>Activo (un cliente inactivo conserva su historial)</source>
            <translation>Active (an inactive client keeps its history)</translation>
        </message>
        <message>
            <location filename="../../ui/directory/dialogs.py" line="114" />
            <location filename="../../ui/directory/dialogs.py" line="217" />
            <location filename="../../ui/directory/dialogs.py" line="254" />
            <location filename="../../ui/directory/dialogs.py" line="294" />
            <source>&amp;Nombre:</source>
            <translation>&amp;Name:</translation>
        </message>
        <message>
            <location filename="../../ui/directory/dialogs.py" line="115" />
            <source>&amp;RUC:</source>
            <translation>&amp;RUC:</translation>
        </message>
        <message>
            <location filename="../../ui/directory/dialogs.py" line="116" />
            <source>N&amp;otas:</source>
            <translation>N&amp;otes:</translation>
        </message>
        <message>
            <location filename="../../ui/directory/dialogs.py" line="121" />
            <source>El nombre del cliente no puede estar vacío.</source>
            <translation>The client name cannot be empty.</translation>
        </message>
        <message>
            <location filename="../../ui/directory/dialogs.py" line="143" />
            <source>Editar contrato</source>
            <translation>Edit contract</translation>
        </message>
        <message>
            <location filename="../../ui/directory/dialogs.py" line="143" />
            <source>Nuevo contrato</source>
            <translation>New contract</translation>
        </message>
        <message>
            <location filename="../../ui/directory/dialogs.py" line="147" />
            <source>vacío: se numera solo (CM-00001)</source>
            <translation>empty: numbered automatically (CM-00001)</translation>
        </message>
        <message>
            <location filename="../../ui/directory/dialogs.py" line="170" />
            <source>Incluye Línea Crítica 24×7</source>
            <translation>Includes the 24×7 Critical line</translation>
        </message>
        <message>
            <location filename="../../ui/directory/dialogs.py" line="172" />
            <source>&amp;Número:</source>
            <translation>&amp;Number:</translation>
        </message>
        <message>
            <location filename="../../ui/directory/dialogs.py" line="173" />
            <source>&amp;Inicio:</source>
            <translation>&amp;Start:</translation>
        </message>
        <message>
            <location filename="../../ui/directory/dialogs.py" line="174" />
            <source>&amp;Fin:</source>
            <translation>&amp;End:</translation>
        </message>
        <message>
            <location filename="../../ui/directory/dialogs.py" line="175" />
            <source>&amp;Productos cubiertos:</source>
            <translation>&amp;Products covered:</translation>
        </message>
        <message>
            <location filename="../../ui/directory/dialogs.py" line="176" />
            <source>Notas de &amp;cobertura:</source>
            <translation>&amp;Coverage notes:</translation>
        </message>
        <message>
            <location filename="../../ui/directory/dialogs.py" line="184" />
            <source>El fin del contrato no puede ser anterior a su inicio.</source>
            <translation>The contract cannot end before it starts.</translation>
        </message>
        <message>
            <location filename="../../ui/directory/dialogs.py" line="205" />
            <source>Editar contacto</source>
            <translation>Edit contact</translation>
        </message>
        <message>
            <location filename="../../ui/directory/dialogs.py" line="205" />
            <source>Nuevo contacto</source>
            <translation>New contact</translation>
        </message>
        <message>
            <location filename="../../ui/directory/dialogs.py" line="210" />
            <source>uno o varios, separados por punto y coma</source>
            <translation>one or more, separated by semicolons</translation>
        </message>
        <message>
            <location filename="../../ui/directory/dialogs.py" line="211" />
            <source>p. ej. 223-4567; 6093-0740 (Panamá si no lleva +)</source>
            <translation>e.g. 223-4567; 6093-0740 (Panama unless it starts with +)</translation>
        </message>
        <message>
            <location filename="../../ui/directory/dialogs.py" line="213" />
            <source>Usuario clave / líder de proyecto</source>
            <translation>Key user / project leader</translation>
        </message>
        <message>
            <location filename="../../ui/directory/dialogs.py" line="215" />
            <source>Activo</source>
            <translation>Active</translation>
        </message>
        <message>
            <location filename="../../ui/directory/dialogs.py" line="218" />
            <source>&amp;Correos:</source>
            <translation>&amp;Emails:</translation>
        </message>
        <message>
            <location filename="../../ui/directory/dialogs.py" line="219" />
            <source>&amp;Teléfonos:</source>
            <translation>&amp;Phones:</translation>
        </message>
        <message>
            <location filename="../../ui/directory/dialogs.py" line="220" />
            <source>&amp;WhatsApp:</source>
            <translation>&amp;WhatsApp:</translation>
        </message>
        <message>
            <location filename="../../ui/directory/dialogs.py" line="226" />
            <source>El nombre del contacto no puede estar vacío.</source>
            <translation>The contact name cannot be empty.</translation>
        </message>
        <message>
            <location filename="../../ui/directory/dialogs.py" line="248" />
            <source>Editar producto</source>
            <translation>Edit product</translation>
        </message>
        <message>
            <location filename="../../ui/directory/dialogs.py" line="248" />
            <source>Nuevo producto</source>
            <translation>New product</translation>
        </message>
        <message>
            <location filename="../../ui/directory/dialogs.py" line="251" />
            <source>Activo en el portafolio</source>
            <translation>Active in the portfolio</translation>
        </message>
        <message>
            <location filename="../../ui/directory/dialogs.py" line="253" />
            <source>&amp;Código:</source>
            <translation>&amp;Code:</translation>
        </message>
        <message>
            <location filename="../../ui/directory/dialogs.py" line="259" />
            <source>Indique código y nombre del producto.</source>
            <translation>Enter the product code and name.</translation>
        </message>
        <message>
            <location filename="../../ui/directory/dialogs.py" line="275" />
            <source>Editar representante técnico</source>
            <translation>Edit technician</translation>
        </message>
        <message>
            <location filename="../../ui/directory/dialogs.py" line="277" />
            <source>Nuevo representante técnico</source>
            <translation>New technician</translation>
        </message>
        <message>
            <location filename="../../ui/directory/dialogs.py" line="289" />
            <source>Activo (uno inactivo conserva su historial)</source>
            <translation>Active (an inactive one keeps their history)</translation>
        </message>
        <message>
            <location filename="../../ui/directory/dialogs.py" line="291" />
            <source>En turno</source>
            <translation>On shift</translation>
        </message>
        <message>
            <location filename="../../ui/directory/dialogs.py" line="293" />
            <source>&amp;Usuario:</source>
            <translation>&amp;User name:</translation>
        </message>
        <message>
            <location filename="../../ui/directory/dialogs.py" line="295" />
            <source>&amp;Correo:</source>
            <translation>&amp;Email:</translation>
        </message>
        <message>
            <location filename="../../ui/directory/dialogs.py" line="296" />
            <source>&amp;Rol:</source>
            <translation>&amp;Role:</translation>
        </message>
        <message>
            <location filename="../../ui/directory/dialogs.py" line="302" />
            <source>Indique usuario y nombre.</source>
            <translation>Enter the user name and full name.</translation>
        </message>
    </context>
    <context>
        <name>DirectoryImportDialog</name>
        <message>
            <location filename="../../ui/directory/import_dialog.py" line="38" />
            <source>Clientes</source>
            <translation>Clients</translation>
        </message>
        <message>
            <location filename="../../ui/directory/import_dialog.py" line="39" />
            <source>Contratos</source>
            <translation>Contracts</translation>
        </message>
        <message>
            <location filename="../../ui/directory/import_dialog.py" line="40" />
            <source>Contactos</source>
            <translation>Contacts</translation>
        </message>
        <message>
            <location filename="../../ui/directory/import_dialog.py" line="41" />
            <source>Productos</source>
            <translation>Products</translation>
        </message>
        <message>
            <location filename="../../ui/directory/import_dialog.py" line="51" />
            <source>No se pudo leer «{0}»: {1}.</source>
            <translation>Could not read “{0}”: {1}.</translation>
        </message>
        <message>
            <location filename="../../ui/directory/import_dialog.py" line="58" />
            <source>«{0}» no es un archivo de texto CSV.</source>
            <translation>“{0}” is not a CSV text file.</translation>
        </message>
        <message>
            <location filename="../../ui/directory/import_dialog.py" line="63" />
            <source>Archivo CSV a importar</source>
            <translation>CSV file to import</translation>
        </message>
        <message>
            <location filename="../../ui/directory/import_dialog.py" line="63" />
            <source>Archivos CSV (*.csv);;Todos (*)</source>
            <translation>CSV files (*.csv);;All files (*)</translation>
        </message>
        <message>
            <location filename="../../ui/directory/import_dialog.py" line="70" />
            <location filename="../../ui/directory/import_dialog.py" line="245" />
            <source>Exportar a CSV</source>
            <translation>Export to CSV</translation>
        </message>
        <message>
            <location filename="../../ui/directory/import_dialog.py" line="70" />
            <source>Archivos CSV (*.csv)</source>
            <translation>CSV files (*.csv)</translation>
        </message>
        <message>
            <location filename="../../ui/directory/import_dialog.py" line="78" />
            <source>No se pudo completar la operación; intente de nuevo.</source>
            <translation>The operation could not be completed; please try again.</translation>
        </message>
        <message>
            <location filename="../../ui/directory/import_dialog.py" line="103" />
            <source>Importar desde CSV</source>
            <translation>Import from CSV</translation>
        </message>
        <message>
            <location filename="../../ui/directory/import_dialog.py" line="108" />
            <source>Ningún archivo elegido</source>
            <translation>No file chosen</translation>
        </message>
        <message>
            <location filename="../../ui/directory/import_dialog.py" line="109" />
            <source>&amp;Elegir archivo…</source>
            <translation>&amp;Choose file…</translation>
        </message>
        <message>
            <location filename="../../ui/directory/import_dialog.py" line="115" />
            <source>&amp;Qué importa:</source>
            <translation>&amp;What to import:</translation>
        </message>
        <message>
            <location filename="../../ui/directory/import_dialog.py" line="116" />
            <source>Archivo:</source>
            <translation>File:</translation>
        </message>
        <message>
            <location filename="../../ui/directory/import_dialog.py" line="117" />
            <source>Elija el archivo: primero se revisa sin cambiar nada.</source>
            <translation>Choose the file: it is checked first, without changing anything.</translation>
        </message>
        <message>
            <location filename="../../ui/directory/import_dialog.py" line="120" />
            <source>Línea</source>
            <translation>Line</translation>
        </message>
        <message>
            <location filename="../../ui/directory/import_dialog.py" line="120" />
            <source>Motivo</source>
            <translation>Reason</translation>
        </message>
        <message>
            <location filename="../../ui/directory/import_dialog.py" line="125" />
            <source>&amp;Importar</source>
            <translation>&amp;Import</translation>
        </message>
        <message>
            <location filename="../../ui/directory/import_dialog.py" line="128" />
            <location filename="../../ui/directory/import_dialog.py" line="251" />
            <source>Cerrar</source>
            <translation>Close</translation>
        </message>
        <message>
            <location filename="../../ui/directory/import_dialog.py" line="159" />
            <source>Revisando el archivo…</source>
            <translation>Checking the file…</translation>
        </message>
        <message>
            <location filename="../../ui/directory/import_dialog.py" line="182" />
            <source>Importando…</source>
            <translation>Importing…</translation>
        </message>
        <message>
            <location filename="../../ui/directory/import_dialog.py" line="214" />
            <source>{0} fila(s) rechazada(s) de {1}. Corrija el archivo: no se importará nada mientras haya filas rechazadas.</source>
            <translation>{0} row(s) rejected out of {1}. Fix the file: nothing is imported while any row is rejected.</translation>
        </message>
        <message>
            <location filename="../../ui/directory/import_dialog.py" line="219" />
            <source>Importación terminada: {0} fila(s) de {1} ({2} nuevas, {3} actualizadas).</source>
            <translation>Import finished: {0} row(s) of {1} ({2} new, {3} updated).</translation>
        </message>
        <message>
            <location filename="../../ui/directory/import_dialog.py" line="222" />
            <source>El archivo no tiene filas de datos.</source>
            <translation>The file has no data rows.</translation>
        </message>
        <message>
            <location filename="../../ui/directory/import_dialog.py" line="224" />
            <source>Sin filas rechazadas: se importarían {0} fila(s) de {1} ({2} nuevas, {3} actualizadas). Pulse Importar para aplicarlas.</source>
            <translation>No rows rejected: {0} row(s) of {1} would be imported ({2} new, {3} updated). Press Import to apply them.</translation>
        </message>
        <message>
            <location filename="../../ui/directory/import_dialog.py" line="247" />
            <source>Se exportan las mismas columnas que lee la importación.</source>
            <translation>The export writes the same columns the import reads.</translation>
        </message>
        <message>
            <location filename="../../ui/directory/import_dialog.py" line="249" />
            <source>&amp;Exportar…</source>
            <translation>&amp;Export…</translation>
        </message>
        <message>
            <location filename="../../ui/directory/import_dialog.py" line="254" />
            <source>&amp;Qué exporta:</source>
            <translation>&amp;What to export:</translation>
        </message>
        <message>
            <location filename="../../ui/directory/import_dialog.py" line="280" />
            <source>No se pudo escribir «{0}»: {1}.</source>
            <translation>Could not write “{0}”: {1}.</translation>
        </message>
        <message>
            <location filename="../../ui/directory/import_dialog.py" line="285" />
            <source>Exportado a {0}.</source>
            <translation>Exported to {0}.</translation>
        </message>
    </context>
    <context>
        <name>DirectoryWindow</name>
        <message>
            <location filename="../../ui/directory/window.py" line="56" />
            <source>Sí</source>
            <translation>Yes</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="62" />
            <source>Inicia el {0}</source>
            <translation>Starts on {0}</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="64" />
            <source>Vencido</source>
            <translation>Expired</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="68" />
            <source>Vigente — vence hoy</source>
            <translation>In force — expires today</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="69" />
            <source>Vigente — vence en {0} días</source>
            <translation>In force — expires in {0} days</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="70" />
            <source>Vigente</source>
            <translation>In force</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="124" />
            <source>Directorio — clientes, contratos, contactos, productos</source>
            <translation>Directory — clients, contracts, contacts, products</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="128" />
            <source>&amp;Clientes y contratos</source>
            <translation>&amp;Clients and contracts</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="129" />
            <source>&amp;Productos</source>
            <translation>&amp;Products</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="130" />
            <source>&amp;Representantes técnicos</source>
            <translation>&amp;Technicians</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="132" />
            <location filename="../../ui/directory/window.py" line="382" />
            <source>&amp;Avisos</source>
            <translation>&amp;Notices</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="134" />
            <source>Puede editar el directorio.</source>
            <translation>You can edit the directory.</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="136" />
            <source>Solo lectura: los supervisores y administradores editan el directorio.</source>
            <translation>Read only: supervisors and administrators edit the directory.</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="139" />
            <source>Importar CSV…</source>
            <translation>Import CSV…</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="140" />
            <source>Exportar CSV…</source>
            <translation>Export CSV…</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="162" />
            <location filename="../../ui/directory/window.py" line="306" />
            <location filename="../../ui/directory/window.py" line="320" />
            <source>Cliente</source>
            <translation>Client</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="163" />
            <source>RUC</source>
            <translation>RUC</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="165" />
            <location filename="../../ui/directory/window.py" line="307" />
            <location filename="../../ui/directory/window.py" line="321" />
            <source>Contrato</source>
            <translation>Contract</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="170" />
            <source>Abiertos</source>
            <translation>Open</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="173" />
            <source>Buscar cliente, RUC o contrato…  (Ctrl+F)</source>
            <translation>Search client, RUC or contract…  (Ctrl+F)</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="178" />
            <source>Nuevo cliente…</source>
            <translation>New client…</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="185" />
            <location filename="../../ui/directory/window.py" line="430" />
            <source>Seleccione un cliente</source>
            <translation>Select a client</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="190" />
            <source>Editar cliente…</source>
            <translation>Edit client…</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="193" />
            <source>Número</source>
            <translation>Number</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="194" />
            <source>Inicio</source>
            <translation>Start</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="195" />
            <location filename="../../ui/directory/window.py" line="323" />
            <source>Fin</source>
            <translation>End</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="197" />
            <location filename="../../ui/directory/window.py" line="223" />
            <location filename="../../ui/directory/window.py" line="259" />
            <location filename="../../ui/directory/window.py" line="284" />
            <source>Estado</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="202" />
            <source>Productos</source>
            <translation>Products</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="204" />
            <source>Cobertura</source>
            <translation>Coverage</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="206" />
            <source>Buscar contrato…</source>
            <translation>Search contract…</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="211" />
            <source>Nuevo contrato…</source>
            <translation>New contract…</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="212" />
            <source>Editar contrato…</source>
            <translation>Edit contract…</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="213" />
            <source>Renovar…</source>
            <translation>Renew…</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="216" />
            <source>Contacto</source>
            <translation>Contact</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="217" />
            <source>Correos</source>
            <translation>Emails</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="218" />
            <source>Teléfonos</source>
            <translation>Phones</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="219" />
            <source>WhatsApp</source>
            <translation>WhatsApp</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="221" />
            <source>Usuario clave</source>
            <translation>Key user</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="221" />
            <source>★ Usuario clave</source>
            <translation>★ Key user</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="223" />
            <location filename="../../ui/directory/window.py" line="259" />
            <location filename="../../ui/directory/window.py" line="284" />
            <source>Activo</source>
            <translation>Active</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="223" />
            <location filename="../../ui/directory/window.py" line="259" />
            <location filename="../../ui/directory/window.py" line="284" />
            <source>Inactivo</source>
            <translation>Inactive</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="225" />
            <source>Buscar contacto, correo o número…</source>
            <translation>Search contact, email or number…</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="229" />
            <source>Nuevo contacto…</source>
            <translation>New contact…</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="230" />
            <source>Editar contacto…</source>
            <translation>Edit contact…</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="236" />
            <source>Contratos de mantenimiento</source>
            <translation>Maintenance contracts</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="241" />
            <source>Contactos (usuario clave / líder de proyecto)</source>
            <translation>Contacts (key user / project leader)</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="257" />
            <source>Código</source>
            <translation>Code</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="258" />
            <source>Producto</source>
            <translation>Product</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="261" />
            <source>Buscar producto…</source>
            <translation>Search product…</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="265" />
            <source>Portafolio de productos y soluciones de IMR</source>
            <translation>IMR products and solutions portfolio</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="269" />
            <source>Nuevo producto…</source>
            <translation>New product…</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="270" />
            <source>Editar producto…</source>
            <translation>Edit product…</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="280" />
            <source>Usuario</source>
            <translation>User</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="281" />
            <source>Nombre</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="282" />
            <source>Correo</source>
            <translation>Email</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="283" />
            <source>Rol</source>
            <translation>Role</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="285" />
            <source>En turno</source>
            <translation>On shift</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="287" />
            <source>Buscar representante técnico…</source>
            <translation>Search technician…</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="291" />
            <source>Representantes técnicos</source>
            <translation>Technicians</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="295" />
            <source>Nuevo representante…</source>
            <translation>New technician…</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="296" />
            <source>Editar representante…</source>
            <translation>Edit technician…</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="308" />
            <source>Vence</source>
            <translation>Expires</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="310" />
            <source>Días</source>
            <translation>Days</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="311" />
            <source>hoy</source>
            <translation>today</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="315" />
            <location filename="../../ui/directory/window.py" line="326" />
            <source>Buscar…</source>
            <translation>Search…</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="331" />
            <source>Contratos por vencer (30 días)</source>
            <translation>Contracts expiring (30 days)</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="333" />
            <source>Clientes sin usuario clave</source>
            <translation>Clients without a key user</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="336" />
            <source>Intro sobre una fila abre el cliente. Una renovación es un contrato nuevo.</source>
            <translation>Enter on a row opens the client. A renewal is a new contract.</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="382" />
            <source>&amp;Avisos ({0})</source>
            <translation>&amp;Notices ({0})</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="391" />
            <source>No se pudo completar la operación; intente de nuevo.</source>
            <translation>The operation could not be completed; try again.</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="407" />
            <location filename="../../ui/directory/window.py" line="414" />
            <source>Sin contrato vigente</source>
            <translation>No contract in force</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="408" />
            <source>Contrato vigente hasta {0}</source>
            <translation>Contract in force until {0}</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="415" />
            <source>Vigente hasta {0}</source>
            <translation>In force until {0}</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="435" />
            <source>  (inactivo)</source>
            <translation>  (inactive)</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="442" />
            <source>RUC: {0}   ·   {1}</source>
            <translation>RUC: {0}   ·   {1}</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="443" />
            <source>Usuario clave: {0}</source>
            <translation>Key user: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="443" />
            <source>⚠ ninguno</source>
            <translation>⚠ none</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="446" />
            <source>Notas: {0}</source>
            <translation>Notes: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="480" />
            <source>Cliente «{0}» registrado.</source>
            <translation>Client “{0}” registered.</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="496" />
            <source>Cliente actualizado.</source>
            <translation>Client updated.</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="508" />
            <source>Contrato registrado.</source>
            <translation>Contract registered.</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="520" />
            <source>Contrato {0} actualizado.</source>
            <translation>Contract {0} updated.</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="528" />
            <source>Renovar contrato</source>
            <translation>Renew contract</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="538" />
            <source>Contrato renovado: se registró un contrato nuevo.</source>
            <translation>Contract renewed: a new contract was registered.</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="555" />
            <source>Contacto registrado.</source>
            <translation>Contact registered.</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="569" />
            <source>Contacto actualizado.</source>
            <translation>Contact updated.</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="578" />
            <source>Producto registrado.</source>
            <translation>Product registered.</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="590" />
            <source>Producto actualizado.</source>
            <translation>Product updated.</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="599" />
            <source>Representante técnico registrado.</source>
            <translation>Technician registered.</translation>
        </message>
        <message>
            <location filename="../../ui/directory/window.py" line="616" />
            <source>Representante técnico actualizado.</source>
            <translation>Technician updated.</translation>
        </message>
    </context>
    <context>
        <name>Domain</name>
        <message>
            <location filename="../../ui/i18n.py" line="49" />
            <source>1 hora</source>
            <translation>1 hour</translation>
        </message>
        <message>
            <location filename="../../ui/i18n.py" line="50" />
            <source>{0} horas</source>
            <translation>{0} hours</translation>
        </message>
        <message>
            <location filename="../../app/domain/priorities.py" line="0" />
            <source>Caso crítico sin alternativa conocida</source>
            <translation>Critical case with no known workaround</translation>
        </message>
        <message>
            <location filename="../../app/domain/priorities.py" line="0" />
            <source>Se refiere a casos donde el sistema está completamente inoperativo.</source>
            <translation>Cases where the system is completely down.</translation>
        </message>
        <message>
            <location filename="../../app/domain/priorities.py" line="0" />
            <source>Caso crítico con alternativa</source>
            <translation>Critical case with a workaround</translation>
        </message>
        <message>
            <location filename="../../app/domain/priorities.py" line="0" />
            <source>Se refiere a casos donde funciones aleatorias están inoperantes, sin embargo, el sistema continúa operante en otras funciones.</source>
            <translation>Cases where some functions are down, but the system keeps working in its other functions.</translation>
        </message>
        <message>
            <location filename="../../app/domain/priorities.py" line="0" />
            <source>Caso no crítico sin opción inmediata</source>
            <translation>Non-critical case with no immediate option</translation>
        </message>
        <message>
            <location filename="../../app/domain/priorities.py" line="0" />
            <source>Casos que requieren atención pero la operación diaria no se ve afectada.</source>
            <translation>Cases that need attention but do not affect daily operation.</translation>
        </message>
        <message>
            <location filename="../../app/domain/priorities.py" line="0" />
            <source>Caso no crítico que no demanda atención inmediata</source>
            <translation>Non-critical case that does not need immediate attention</translation>
        </message>
        <message>
            <location filename="../../app/domain/priorities.py" line="0" />
            <source>Casos que no requieren atención inmediata. Existe una alternativa conocida.</source>
            <translation>Cases that do not need immediate attention. A workaround is known.</translation>
        </message>
        <message>
            <location filename="../../app/reports/causes.py" line="0" />
            <source>Prioridad subida tarde</source>
            <translation>Priority raised late</translation>
        </message>
        <message>
            <location filename="../../app/reports/causes.py" line="0" />
            <source>La prioridad se subió cuando el nuevo vencimiento ya estaba cerca o había pasado.</source>
            <translation>The priority was raised when the new deadline was already close or past.</translation>
        </message>
        <message>
            <location filename="../../app/reports/causes.py" line="0" />
            <source>Crítico por correo fuera de horario</source>
            <translation>Critical by email outside hours</translation>
        </message>
        <message>
            <location filename="../../app/reports/causes.py" line="0" />
            <source>Caso crítico enviado por correo fuera de horario: debió usarse la Línea Crítica.</source>
            <translation>Critical case sent by email outside hours: the Critical line should have been used.</translation>
        </message>
        <message>
            <location filename="../../app/reports/causes.py" line="0" />
            <source>Solicitante no localizable</source>
            <translation>Requester unreachable</translation>
        </message>
        <message>
            <location filename="../../app/reports/causes.py" line="0" />
            <source>Solo hubo intentos de llamada sin respuesta antes del vencimiento.</source>
            <translation>There were only unanswered call attempts before the deadline.</translation>
        </message>
        <message>
            <location filename="../../app/reports/causes.py" line="0" />
            <source>Tomado sin contacto</source>
            <translation>Claimed without contact</translation>
        </message>
        <message>
            <location filename="../../app/reports/causes.py" line="0" />
            <source>Un representante lo tomó pero no contactó al solicitante a tiempo.</source>
            <translation>A technician claimed it but did not contact the requester in time.</translation>
        </message>
        <message>
            <location filename="../../app/reports/causes.py" line="0" />
            <source>Nadie lo tomó</source>
            <translation>Nobody claimed it</translation>
        </message>
        <message>
            <location filename="../../app/reports/causes.py" line="0" />
            <source>Nadie tomó el tiquete antes del vencimiento.</source>
            <translation>Nobody claimed the ticket before the deadline.</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Calendarios y política del SLA</source>
            <translation>SLA calendars and policy</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Clientes</source>
            <translation>Clients</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Contratos</source>
            <translation>Contracts</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Contactos</source>
            <translation>Contacts</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Productos</source>
            <translation>Products</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Representantes técnicos</source>
            <translation>Technicians</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Tiquetes</source>
            <translation>Tickets</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Calendario</source>
            <translation>Calendar</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Calendario por prioridad y canal</source>
            <translation>Calendar by priority and channel</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Política del SLA</source>
            <translation>SLA policy</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Cliente</source>
            <translation>Client</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Contrato</source>
            <translation>Contract</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Contacto</source>
            <translation>Contact</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Producto</source>
            <translation>Product</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Representante técnico</source>
            <translation>Technician</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Tiquete</source>
            <translation>Ticket</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Producto del contrato</source>
            <translation>Contract product</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Correo o teléfono de contacto</source>
            <translation>Contact email or phone</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Acción de tiquete</source>
            <translation>Ticket action</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Adjunto</source>
            <translation>Attachment</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Correo</source>
            <translation>Email</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Correo en cuarentena</source>
            <translation>Quarantined mail</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Día de cierre</source>
            <translation>Closure day</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Cambió el horario semanal</source>
            <translation>Changed the weekly hours</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Agregó un día de cierre</source>
            <translation>Added a closure day</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Quitó un día de cierre</source>
            <translation>Removed a closure day</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Cambió el calendario asignado</source>
            <translation>Changed the assigned calendar</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Cambió el valor</source>
            <translation>Changed the value</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Creó el registro</source>
            <translation>Created the record</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Modificó el registro</source>
            <translation>Edited the record</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Importó desde CSV</source>
            <translation>Imported from CSV</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Reasignó el tiquete</source>
            <translation>Reassigned the ticket</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Cambió la prioridad</source>
            <translation>Changed the priority</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Lo unió a otro tiquete como duplicado</source>
            <translation>Merged it into another ticket as a duplicate</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Indicó la hora de recepción</source>
            <translation>Entered the time received</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Indicó la hora de una acción</source>
            <translation>Entered the time of an action</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Reemplazó caracteres no válidos</source>
            <translation>Replaced invalid characters</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Desactivó el registro</source>
            <translation>Deactivated the record</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Reactivó el registro</source>
            <translation>Reactivated the record</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Umbral de riesgo</source>
            <translation>At-risk threshold</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Nombre</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>RUC</source>
            <translation>RUC</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Notas</source>
            <translation>Notes</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Activo</source>
            <translation>Active</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Número</source>
            <translation>Number</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Inicio</source>
            <translation>Start</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Fin</source>
            <translation>End</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Línea Crítica 24×7</source>
            <translation>24×7 Critical line</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Notas de cobertura</source>
            <translation>Coverage notes</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Cliente (n.º interno)</source>
            <translation>Client (internal no.)</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Correos</source>
            <translation>Emails</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Teléfonos</source>
            <translation>Phones</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>WhatsApp</source>
            <translation>WhatsApp</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Usuario clave</source>
            <translation>Key user</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Usuario</source>
            <translation>User</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Rol</source>
            <translation>Role</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>En turno</source>
            <translation>On shift</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Código</source>
            <translation>Code</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Valor</source>
            <translation>Value</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Día</source>
            <translation>Day</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Motivo</source>
            <translation>Reason</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Prioridad</source>
            <translation>Priority</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Vence el primer contacto</source>
            <translation>First contact due</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Asignado a</source>
            <translation>Assigned to</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Unido al tiquete</source>
            <translation>Merged into ticket</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Hora de la acción</source>
            <translation>Time of the action</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Tipo de acción</source>
            <translation>Kind of action</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Recibido</source>
            <translation>Received</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Campos corregidos</source>
            <translation>Fields corrected</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Lunes</source>
            <translation>Monday</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Martes</source>
            <translation>Tuesday</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Miércoles</source>
            <translation>Wednesday</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Jueves</source>
            <translation>Thursday</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Viernes</source>
            <translation>Friday</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Sábado</source>
            <translation>Saturday</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Domingo</source>
            <translation>Sunday</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Sí</source>
            <translation>Yes</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>No</source>
            <translation>No</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>cerrado</source>
            <translation>closed</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Sistema</source>
            <translation>System</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Supervisor</source>
            <translation>Supervisor</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Administrador</source>
            <translation>Administrator</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Cuenta de ingreso de correo</source>
            <translation>Mail intake account</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Muy alto</source>
            <translation>Very high</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Alto</source>
            <translation>High</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Medio</source>
            <translation>Medium</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Bajo</source>
            <translation>Low</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Correo electrónico</source>
            <translation>Email</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Central telefónica</source>
            <translation>Phone</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Línea Crítica</source>
            <translation>Critical line</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Llamada saliente</source>
            <translation>Outbound call</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Llamada entrante</source>
            <translation>Inbound call</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Intento de llamada sin respuesta</source>
            <translation>Call attempt, no answer</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Correo enviado</source>
            <translation>Email sent</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Correo recibido</source>
            <translation>Email received</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Sesión remota</source>
            <translation>Remote session</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Visita</source>
            <translation>Visit</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Nota interna</source>
            <translation>Internal note</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Diagnóstico</source>
            <translation>Diagnosis</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Acuse de recibo automático</source>
            <translation>Automatic acknowledgment</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Cambio de estado</source>
            <translation>Status change</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Asignación</source>
            <translation>Assignment</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Cambio de prioridad</source>
            <translation>Priority change</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Solución</source>
            <translation>Solution</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_text.py" line="0" />
            <source>Fusión de tiquetes</source>
            <translation>Tickets merged</translation>
        </message>
    </context>
    <context>
        <name>LiveFeed</name>
        <message>
            <location filename="../../ui/live_feed.py" line="42" />
            <source>Conectado: los cambios de otros escritorios se muestran al instante.</source>
            <translation>Connected: changes from other desks show up at once.</translation>
        </message>
        <message>
            <location filename="../../ui/live_feed.py" line="45" />
            <source>Conexión restablecida con la base de datos; cola actualizada.</source>
            <translation>Database connection restored; queue refreshed.</translation>
        </message>
        <message>
            <location filename="../../ui/live_feed.py" line="48" />
            <source>se perdió la conexión con el servidor; los plazos siguen corriendo</source>
            <translation>the connection to the server was lost; deadlines keep running</translation>
        </message>
    </context>
    <context>
        <name>MailReply</name>
        <message>
            <location filename="../../ui/mail_reply.py" line="44" />
            <source>Responder por correo</source>
            <translation>Reply by email</translation>
        </message>
        <message>
            <location filename="../../ui/mail_reply.py" line="45" />
            <source>Correo a {0} — [{1}]</source>
            <translation>Email to {0} — [{1}]</translation>
        </message>
        <message>
            <location filename="../../ui/mail_reply.py" line="46" />
            <source>el solicitante</source>
            <translation>the requester</translation>
        </message>
        <message>
            <location filename="../../ui/mail_reply.py" line="60" />
            <source>Correo no enviado</source>
            <translation>Email not sent</translation>
        </message>
    </context>
    <context>
        <name>MailThread</name>
        <message>
            <location filename="../../ui/mail_thread.py" line="39" />
            <source>[… recortado: {0} en total]</source>
            <translation>[… trimmed: {0} in total]</translation>
        </message>
        <message>
            <location filename="../../ui/mail_thread.py" line="62" />
            <source>Recibido</source>
            <translation>Received</translation>
        </message>
        <message>
            <location filename="../../ui/mail_thread.py" line="62" />
            <source>Enviado</source>
            <translation>Sent</translation>
        </message>
        <message>
            <location filename="../../ui/mail_thread.py" line="66" />
            <source>(sin remitente)</source>
            <translation>(no sender)</translation>
        </message>
        <message>
            <location filename="../../ui/mail_thread.py" line="72" />
            <source>Ver original</source>
            <translation>Show original</translation>
        </message>
        <message>
            <location filename="../../ui/mail_thread.py" line="81" />
            <source>(sin asunto)</source>
            <translation>(no subject)</translation>
        </message>
        <message>
            <location filename="../../ui/mail_thread.py" line="86" />
            <source>Para: {0}</source>
            <translation>To: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/mail_thread.py" line="116" />
            <source>Este tiquete no tiene correos.</source>
            <translation>This ticket has no emails.</translation>
        </message>
        <message>
            <location filename="../../ui/mail_thread.py" line="153" />
            <source>Cerrar</source>
            <translation>Close</translation>
        </message>
        <message>
            <location filename="../../ui/mail_thread.py" line="155" />
            <source>Guardar .eml…</source>
            <translation>Save .eml…</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../ui/main_window.py" line="68" />
            <source>Mis tiquetes</source>
            <translation>My tickets</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="69" />
            <source>Sin asignar</source>
            <translation>Unassigned</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="70" />
            <source>Todos abiertos</source>
            <translation>All open</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="71" />
            <source>En riesgo</source>
            <translation>At risk</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="72" />
            <source>Vencidos</source>
            <translation>Breached</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="123" />
            <source>Consola IMR — Centro de Soluciones</source>
            <translation>IMR console — Solutions Centre</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="178" />
            <source>Nuevo tiquete</source>
            <translation>New ticket</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="185" />
            <source>Tomar siguiente</source>
            <translation>Take next</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="187" />
            <location filename="../../ui/main_window.py" line="319" />
            <source>Abrir</source>
            <translation>Open</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="188" />
            <source>Abrir el tiquete seleccionado (Intro)</source>
            <translation>Open the selected ticket (Enter)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="189" />
            <source>Actualizar</source>
            <translation>Refresh</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="191" />
            <source>Buscar</source>
            <translation>Search</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="194" />
            <source>Buscar en todos los tiquetes</source>
            <translation>Search all tickets</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="197" />
            <source>Configuración</source>
            <translation>Settings</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="200" />
            <source>Directorio</source>
            <translation>Directory</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="203" />
            <source>Panel de supervisión</source>
            <translation>Supervision panel</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="207" />
            <source>Cuarentena de correo</source>
            <translation>Mail quarantine</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="212" />
            <source>Acciones</source>
            <translation>Actions</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="226" />
            <source>Representante técnico: &lt;b&gt;{0}&lt;/b&gt;</source>
            <translation>Technician: &lt;b&gt;{0}&lt;/b&gt;</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="258" />
            <source>Todas las prioridades</source>
            <translation>All priorities</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="264" />
            <source>Todos los canales</source>
            <translation>All channels</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="271" />
            <source>Filtrar por cliente, asunto o número (Ctrl+F)</source>
            <translation>Filter by client, subject or number (Ctrl+F)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="288" />
            <source>Reintentar</source>
            <translation>Retry</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="333" />
            <source>Búsqueda</source>
            <translation>Search</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="334" />
            <source>Cliente</source>
            <translation>Client</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="344" />
            <source>Base de datos: {0}</source>
            <translation>Database: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="347" />
            <source>Técnico: {0} ({1})</source>
            <translation>Technician: {0} ({1})</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="353" />
            <location filename="../../ui/main_window.py" line="624" />
            <source>Conectado</source>
            <translation>Connected</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="367" />
            <source>Actualizando la cola…</source>
            <translation>Refreshing the queue…</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="392" />
            <source>Cambiaron los horarios o plazos del SLA; la cola ya los aplica.</source>
            <translation>The SLA hours or deadlines changed; the queue already uses them.</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="411" />
            <source>No se pudieron cargar los nuevos horarios del SLA: {0}</source>
            <translation>The new SLA hours could not be loaded: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="433" />
            <source>Sin conexión con la base de datos: {0}. La cola mostrada puede no estar al día; se reintentará automáticamente.</source>
            <translation>No connection to the database: {0}. The queue shown may be out of date; retrying automatically.</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="471" />
            <source>Seleccione un tiquete de la cola.</source>
            <translation>Select a ticket in the queue.</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="479" />
            <source>El detalle del tiquete aún no está disponible.</source>
            <translation>Ticket details are not available yet.</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="487" />
            <source>El registro de tiquetes nuevos aún no está disponible.</source>
            <translation>Opening new tickets is not available yet.</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="496" />
            <source>Tomando el siguiente tiquete…</source>
            <translation>Taking the next ticket…</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="505" />
            <source>La configuración aún no está disponible.</source>
            <translation>Settings are not available yet.</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="549" />
            <source>Conexión restablecida</source>
            <translation>Connection restored</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="550" />
            <source>Cola actualizada.</source>
            <translation>Queue refreshed.</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="561" />
            <source>No hay tiquetes sin asignar.</source>
            <translation>There are no unassigned tickets.</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="564" />
            <source>Tomó {0}: {1}</source>
            <translation>Took {0}: {1}</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="575" />
            <source>No se pudo completar</source>
            <translation>Could not complete</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="624" />
            <source>Sin conexión</source>
            <translation>Offline</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="681" />
            <source>{0} de {1} tiquetes abiertos</source>
            <translation>{0} of {1} open tickets</translation>
        </message>
    </context>
    <context>
        <name>NewTicketDialog</name>
        <message>
            <location filename="../../ui/new_ticket_dialog.py" line="103" />
            <source>Nuevo tiquete</source>
            <translation>New ticket</translation>
        </message>
        <message>
            <location filename="../../ui/new_ticket_dialog.py" line="127" />
            <source>Nuevo tiquete — central telefónica, WhatsApp o Línea Crítica</source>
            <translation>New ticket — phone, WhatsApp or Critical line</translation>
        </message>
        <message>
            <location filename="../../ui/new_ticket_dialog.py" line="147" />
            <source>Guardando…</source>
            <translation>Saving…</translation>
        </message>
        <message>
            <location filename="../../ui/new_ticket_dialog.py" line="152" />
            <source>Cancelar</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../ui/new_ticket_dialog.py" line="154" />
            <location filename="../../ui/new_ticket_dialog.py" line="361" />
            <source>Abrir tiquete</source>
            <translation>Open ticket</translation>
        </message>
        <message>
            <location filename="../../ui/new_ticket_dialog.py" line="168" />
            <source>Cliente</source>
            <translation>Client</translation>
        </message>
        <message>
            <location filename="../../ui/new_ticket_dialog.py" line="176" />
            <source>Canal</source>
            <translation>Channel</translation>
        </message>
        <message>
            <location filename="../../ui/new_ticket_dialog.py" line="181" />
            <source>Buscar cliente por nombre…</source>
            <translation>Search client by name…</translation>
        </message>
        <message>
            <location filename="../../ui/new_ticket_dialog.py" line="194" />
            <source>Casos abiertos de este cliente</source>
            <translation>Open cases of this client</translation>
        </message>
        <message>
            <location filename="../../ui/new_ticket_dialog.py" line="197" />
            <source>Si la llamada es por uno de estos casos, refuércelo en vez de abrir un duplicado: la llamada queda registrada en ese tiquete.</source>
            <translation>If the call is about one of these cases, reinforce it instead of opening a duplicate: the call is logged on that ticket.</translation>
        </message>
        <message>
            <location filename="../../ui/new_ticket_dialog.py" line="209" />
            <source>Reforzar este caso</source>
            <translation>Reinforce this case</translation>
        </message>
        <message>
            <location filename="../../ui/new_ticket_dialog.py" line="217" />
            <source>Solicitante y producto</source>
            <translation>Requester and product</translation>
        </message>
        <message>
            <location filename="../../ui/new_ticket_dialog.py" line="224" />
            <source>Nombre de quien llama (no registrado)</source>
            <translation>Caller’s name (not registered)</translation>
        </message>
        <message>
            <location filename="../../ui/new_ticket_dialog.py" line="227" />
            <source>Teléfono o correo</source>
            <translation>Phone or email</translation>
        </message>
        <message>
            <location filename="../../ui/new_ticket_dialog.py" line="228" />
            <source>Agregar como contacto del cliente</source>
            <translation>Add as a contact of the client</translation>
        </message>
        <message>
            <location filename="../../ui/new_ticket_dialog.py" line="231" />
            <source>Es el usuario clave (líder de proyecto)</source>
            <translation>Is the key user (project leader)</translation>
        </message>
        <message>
            <location filename="../../ui/new_ticket_dialog.py" line="234" />
            <source>(sin producto)</source>
            <translation>(no product)</translation>
        </message>
        <message>
            <location filename="../../ui/new_ticket_dialog.py" line="235" />
            <source>Solicitante</source>
            <translation>Requester</translation>
        </message>
        <message>
            <location filename="../../ui/new_ticket_dialog.py" line="236" />
            <source>Nombre</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../ui/new_ticket_dialog.py" line="237" />
            <source>Teléfono / correo</source>
            <translation>Phone / email</translation>
        </message>
        <message>
            <location filename="../../ui/new_ticket_dialog.py" line="243" />
            <source>Producto</source>
            <translation>Product</translation>
        </message>
        <message>
            <location filename="../../ui/new_ticket_dialog.py" line="248" />
            <source>Caso</source>
            <translation>Case</translation>
        </message>
        <message>
            <location filename="../../ui/new_ticket_dialog.py" line="256" />
            <source>hora de Panamá; puede ser anterior (WhatsApp leído tarde)</source>
            <translation>Panama time; may be earlier (WhatsApp read late)</translation>
        </message>
        <message>
            <location filename="../../ui/new_ticket_dialog.py" line="260" />
            <source>Resumen del caso en una línea</source>
            <translation>One-line summary of the case</translation>
        </message>
        <message>
            <location filename="../../ui/new_ticket_dialog.py" line="264" />
            <source>Escenario: qué pasa, desde cuándo, a quién afecta</source>
            <translation>Scenario: what happens, since when, who is affected</translation>
        </message>
        <message>
            <location filename="../../ui/new_ticket_dialog.py" line="267" />
            <source>Recibido</source>
            <translation>Received</translation>
        </message>
        <message>
            <location filename="../../ui/new_ticket_dialog.py" line="269" />
            <source>Asunto</source>
            <translation>Subject</translation>
        </message>
        <message>
            <location filename="../../ui/new_ticket_dialog.py" line="270" />
            <source>Descripción</source>
            <translation>Description</translation>
        </message>
        <message>
            <location filename="../../ui/new_ticket_dialog.py" line="274" />
            <source>Prioridad según el protocolo</source>
            <translation>Priority by the protocol</translation>
        </message>
        <message>
            <location filename="../../ui/new_ticket_dialog.py" line="286" />
            <source>La llamada (queda registrada como primer contacto)</source>
            <translation>The call (logged as the first contact)</translation>
        </message>
        <message>
            <location filename="../../ui/new_ticket_dialog.py" line="292" />
            <source>sin duración</source>
            <translation>no duration</translation>
        </message>
        <message>
            <location filename="../../ui/new_ticket_dialog.py" line="295" />
            <source>Lo conversado en la llamada (opcional)</source>
            <translation>What was discussed on the call (optional)</translation>
        </message>
        <message>
            <location filename="../../ui/new_ticket_dialog.py" line="297" />
            <source>Duración</source>
            <translation>Duration</translation>
        </message>
        <message>
            <location filename="../../ui/new_ticket_dialog.py" line="298" />
            <source>Notas</source>
            <translation>Notes</translation>
        </message>
        <message>
            <location filename="../../ui/new_ticket_dialog.py" line="301" />
            <source>Respuesta por WhatsApp</source>
            <translation>WhatsApp reply</translation>
        </message>
        <message>
            <location filename="../../ui/new_ticket_dialog.py" line="309" />
            <source>Resolver ahora (caso rápido)</source>
            <translation>Resolve now (quick case)</translation>
        </message>
        <message>
            <location filename="../../ui/new_ticket_dialog.py" line="310" />
            <source>Pedir detalles por correo</source>
            <translation>Ask for details by email</translation>
        </message>
        <message>
            <location filename="../../ui/new_ticket_dialog.py" line="311" />
            <source>Coordinar sesión remota / llamada</source>
            <translation>Schedule a remote session / call</translation>
        </message>
        <message>
            <location filename="../../ui/new_ticket_dialog.py" line="351" />
            <source>Solución dada por WhatsApp (obligatoria)</source>
            <translation>Solution given on WhatsApp (required)</translation>
        </message>
        <message>
            <location filename="../../ui/new_ticket_dialog.py" line="352" />
            <source>Qué detalles se pidieron (opcional)</source>
            <translation>Which details were asked for (optional)</translation>
        </message>
        <message>
            <location filename="../../ui/new_ticket_dialog.py" line="353" />
            <source>Cuándo y cómo: sesión remota, llamada… (opcional)</source>
            <translation>When and how: remote session, call… (optional)</translation>
        </message>
        <message>
            <location filename="../../ui/new_ticket_dialog.py" line="359" />
            <source>Abrir y resolver</source>
            <translation>Open and resolve</translation>
        </message>
        <message>
            <location filename="../../ui/new_ticket_dialog.py" line="389" />
            <source>Contrato vigente hasta {0}</source>
            <translation>Contract in force until {0}</translation>
        </message>
        <message>
            <location filename="../../ui/new_ticket_dialog.py" line="391" />
            <source>Sin contrato vigente</source>
            <translation>No contract in force</translation>
        </message>
        <message>
            <location filename="../../ui/new_ticket_dialog.py" line="395" />
            <source>1 caso abierto</source>
            <translation>1 open case</translation>
        </message>
        <message>
            <location filename="../../ui/new_ticket_dialog.py" line="397" />
            <source>{0} casos abiertos</source>
            <translation>{0} open cases</translation>
        </message>
        <message>
            <location filename="../../ui/new_ticket_dialog.py" line="446" />
            <source>✔ Contrato vigente {0} · del {1} al {2}</source>
            <translation>✔ Contract in force {0} · from {1} to {2}</translation>
        </message>
        <message>
            <location filename="../../ui/new_ticket_dialog.py" line="458" />
            <source>⚠ {0} no tiene contrato de mantenimiento vigente. El caso se registra igual y queda marcado para revisión del supervisor.</source>
            <translation>⚠ {0} has no maintenance contract in force. The case is still logged and flagged for supervisor review.</translation>
        </message>
        <message>
            <location filename="../../ui/new_ticket_dialog.py" line="472" />
            <source>sin asignar</source>
            <translation>unassigned</translation>
        </message>
        <message>
            <location filename="../../ui/new_ticket_dialog.py" line="476" />
            <source>recibido {0}</source>
            <translation>received {0}</translation>
        </message>
        <message>
            <location filename="../../ui/new_ticket_dialog.py" line="498" />
            <source>usuario clave</source>
            <translation>key user</translation>
        </message>
        <message>
            <location filename="../../ui/new_ticket_dialog.py" line="503" />
            <source>Otra persona (no registrada)…</source>
            <translation>Someone else (not registered)…</translation>
        </message>
        <message>
            <location filename="../../ui/new_ticket_dialog.py" line="519" />
            <source>Elija primero el cliente.</source>
            <translation>Choose the client first.</translation>
        </message>
        <message>
            <location filename="../../ui/new_ticket_dialog.py" line="522" />
            <source>Escriba el nombre del nuevo contacto.</source>
            <translation>Type the new contact’s name.</translation>
        </message>
        <message>
            <location filename="../../ui/new_ticket_dialog.py" line="532" />
            <source>{0} quedó registrado como contacto de {1}.</source>
            <translation>{0} is now registered as a contact of {1}.</translation>
        </message>
        <message>
            <location filename="../../ui/new_ticket_dialog.py" line="572" />
            <source>el solicitante</source>
            <translation>the requester</translation>
        </message>
        <message>
            <location filename="../../ui/new_ticket_dialog.py" line="576" />
            <source>Escriba el asunto del tiquete.</source>
            <translation>Type the ticket subject.</translation>
        </message>
        <message>
            <location filename="../../ui/new_ticket_dialog.py" line="582" />
            <source>Responda las preguntas de prioridad o elija el nivel.</source>
            <translation>Answer the priority questions or choose the level.</translation>
        </message>
        <message>
            <location filename="../../ui/new_ticket_dialog.py" line="588" />
            <source>Indique quién solicita: un contacto del cliente o su nombre.</source>
            <translation>Say who is asking: a contact of the client or their name.</translation>
        </message>
        <message>
            <location filename="../../ui/new_ticket_dialog.py" line="597" />
            <source>Escriba la solución dada por WhatsApp para resolver ahora.</source>
            <translation>Type the solution given on WhatsApp to resolve now.</translation>
        </message>
        <message>
            <location filename="../../ui/new_ticket_dialog.py" line="607" />
            <source>Llamada de {0} por {1}.</source>
            <translation>Call from {0} by {1}.</translation>
        </message>
        <message>
            <location filename="../../ui/new_ticket_dialog.py" line="617" />
            <source>Solución dada por WhatsApp a {0}: {1}</source>
            <translation>Solution given on WhatsApp to {0}: {1}</translation>
        </message>
        <message>
            <location filename="../../ui/new_ticket_dialog.py" line="619" />
            <source>Se pidió a {0} por WhatsApp enviar los detalles por correo.</source>
            <translation>{0} was asked on WhatsApp to send the details by email.</translation>
        </message>
        <message>
            <location filename="../../ui/new_ticket_dialog.py" line="622" />
            <source>Se coordinó con {0} por WhatsApp una sesión remota / llamada.</source>
            <translation>A remote session / call was scheduled with {0} on WhatsApp.</translation>
        </message>
        <message>
            <location filename="../../ui/new_ticket_dialog.py" line="688" />
            <source>Llamada de refuerzo de {0} por {1}.</source>
            <translation>Reinforcing call from {0} by {1}.</translation>
        </message>
        <message>
            <location filename="../../ui/new_ticket_dialog.py" line="720" />
            <source>Lo escrito se conserva; intente de nuevo.</source>
            <translation>What you typed is kept; try again.</translation>
        </message>
        <message>
            <location filename="../../ui/new_ticket_dialog.py" line="727" />
            <source>Error inesperado: {0}. Lo escrito se conserva.</source>
            <translation>Unexpected error: {0}. What you typed is kept.</translation>
        </message>
    </context>
    <context>
        <name>PriorityQuestions</name>
        <message>
            <location filename="../../ui/priority_questions.py" line="31" />
            <source>¿El sistema está completamente inoperativo?</source>
            <translation>Is the system completely down?</translation>
        </message>
        <message>
            <location filename="../../ui/priority_questions.py" line="32" />
            <source>¿Existe una alternativa conocida para seguir trabajando?</source>
            <translation>Is there a known workaround to keep working?</translation>
        </message>
        <message>
            <location filename="../../ui/priority_questions.py" line="35" />
            <source>¿Afecta la operación diaria del cliente?</source>
            <translation>Does it affect the client’s daily work?</translation>
        </message>
        <message>
            <location filename="../../ui/priority_questions.py" line="36" />
            <source>¿Puede esperar (no requiere atención inmediata)?</source>
            <translation>Can it wait (no immediate attention needed)?</translation>
        </message>
        <message>
            <location filename="../../ui/priority_questions.py" line="113" />
            <source>Sí</source>
            <translation>Yes</translation>
        </message>
        <message>
            <location filename="../../ui/priority_questions.py" line="113" />
            <source>No</source>
            <translation>No</translation>
        </message>
        <message>
            <location filename="../../ui/priority_questions.py" line="136" />
            <source>Usar la prioridad propuesta</source>
            <translation>Use the proposed priority</translation>
        </message>
        <message>
            <location filename="../../ui/priority_questions.py" line="139" />
            <source>{0} — primer contacto en {1}</source>
            <translation>{0} — first contact within {1}</translation>
        </message>
        <message>
            <location filename="../../ui/priority_questions.py" line="155" />
            <source>Cambiar a:</source>
            <translation>Change to:</translation>
        </message>
        <message>
            <location filename="../../ui/priority_questions.py" line="207" />
            <source>Responda las preguntas para proponer la prioridad.</source>
            <translation>Answer the questions to propose the priority.</translation>
        </message>
        <message>
            <location filename="../../ui/priority_questions.py" line="211" />
            <source>elegida por el técnico</source>
            <translation>chosen by the technician</translation>
        </message>
        <message>
            <location filename="../../ui/priority_questions.py" line="213" />
            <source>propuesta por el protocolo</source>
            <translation>proposed by the protocol</translation>
        </message>
        <message>
            <location filename="../../ui/priority_questions.py" line="215" />
            <source>Prioridad {0} ({1}) — {2}. Primer contacto en {3}.</source>
            <translation>Priority {0} ({1}) — {2}. First contact within {3}.</translation>
        </message>
        <message>
            <location filename="../../ui/priority_questions.py" line="219" />
            <source>(El protocolo propone {0}.)</source>
            <translation>(The protocol proposes {0}.)</translation>
        </message>
    </context>
    <context>
        <name>QuarantinePanel</name>
        <message>
            <location filename="../../ui/quarantine_panel.py" line="40" />
            <source>Recibido</source>
            <translation>Received</translation>
        </message>
        <message>
            <location filename="../../ui/quarantine_panel.py" line="41" />
            <source>Motivo</source>
            <translation>Reason</translation>
        </message>
        <message>
            <location filename="../../ui/quarantine_panel.py" line="42" />
            <source>Remitente</source>
            <translation>Sender</translation>
        </message>
        <message>
            <location filename="../../ui/quarantine_panel.py" line="43" />
            <location filename="../../ui/quarantine_panel.py" line="109" />
            <source>Asunto</source>
            <translation>Subject</translation>
        </message>
        <message>
            <location filename="../../ui/quarantine_panel.py" line="44" />
            <source>Tamaño</source>
            <translation>Size</translation>
        </message>
        <message>
            <location filename="../../ui/quarantine_panel.py" line="66" />
            <source>Cuarentena de correo</source>
            <translation>Mail quarantine</translation>
        </message>
        <message>
            <location filename="../../ui/quarantine_panel.py" line="80" />
            <source>La cuarentena de correo está vacía.</source>
            <translation>The mail quarantine is empty.</translation>
        </message>
        <message>
            <location filename="../../ui/quarantine_panel.py" line="86" />
            <source>Seleccione un correo para ver su texto original.</source>
            <translation>Select an email to see its original text.</translation>
        </message>
        <message>
            <location filename="../../ui/quarantine_panel.py" line="94" />
            <source>correo del solicitante (opcional)</source>
            <translation>requester’s email (optional)</translation>
        </message>
        <message>
            <location filename="../../ui/quarantine_panel.py" line="95" />
            <source>Convertir en tiquete</source>
            <translation>Convert into a ticket</translation>
        </message>
        <message>
            <location filename="../../ui/quarantine_panel.py" line="99" />
            <source>Actualizar</source>
            <translation>Refresh</translation>
        </message>
        <message>
            <location filename="../../ui/quarantine_panel.py" line="110" />
            <source>Prioridad</source>
            <translation>Priority</translation>
        </message>
        <message>
            <location filename="../../ui/quarantine_panel.py" line="111" />
            <source>Solicitante</source>
            <translation>Requester</translation>
        </message>
        <message>
            <location filename="../../ui/quarantine_panel.py" line="114" />
            <source>Texto original (sin interpretar)</source>
            <translation>Original text (not interpreted)</translation>
        </message>
        <message>
            <location filename="../../ui/quarantine_panel.py" line="155" />
            <location filename="../../ui/quarantine_panel.py" line="156" />
            <source>(ilegible)</source>
            <translation>(unreadable)</translation>
        </message>
        <message>
            <location filename="../../ui/quarantine_panel.py" line="178" />
            <source>Correo en cuarentena n.º {0}</source>
            <translation>Quarantined email no. {0}</translation>
        </message>
        <message>
            <location filename="../../ui/quarantine_panel.py" line="195" />
            <source>Indique el asunto del tiquete.</source>
            <translation>Enter the ticket subject.</translation>
        </message>
        <message>
            <location filename="../../ui/quarantine_panel.py" line="204" />
            <source>Se creó el tiquete IMR-{0} con el correo original adjunto.</source>
            <translation>Ticket IMR-{0} was created with the original email attached.</translation>
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
            <location filename="../../ui/queue_model.py" line="241" />
            <source>{0} — primer contacto en {1}</source>
            <translation>{0} — first contact within {1}</translation>
        </message>
        <message>
            <location filename="../../ui/queue_model.py" line="249" />
            <source>Marcado para revisión del supervisor (sin contrato vigente o contacto no registrado)</source>
            <translation>Flagged for supervisor review (no contract in force or unregistered contact)</translation>
        </message>
    </context>
    <context>
        <name>ReportCharts</name>
        <message>
            <location filename="../../ui/report_charts.py" line="44" />
            <source>Cumplimiento de primer contacto por prioridad</source>
            <translation>First-contact compliance by priority</translation>
        </message>
        <message>
            <location filename="../../ui/report_charts.py" line="44" />
            <source>% cumplido</source>
            <translation>% met</translation>
        </message>
        <message>
            <location filename="../../ui/report_charts.py" line="97" />
            <source>Tiempo hasta el primer contacto (tiempo hábil)</source>
            <translation>Time to first contact (business time)</translation>
        </message>
        <message>
            <location filename="../../ui/report_charts.py" line="97" />
            <location filename="../../ui/report_charts.py" line="103" />
            <source>tiquetes</source>
            <translation>tickets</translation>
        </message>
        <message>
            <location filename="../../ui/report_charts.py" line="103" />
            <source>Antigüedad de los tiquetes abiertos</source>
            <translation>Age of open tickets</translation>
        </message>
    </context>
    <context>
        <name>SearchPanel</name>
        <message>
            <location filename="../../ui/search_panel.py" line="64" />
            <source>Número, cliente, contacto, asunto o texto…</source>
            <translation>Number, client, contact, subject or text…</translation>
        </message>
        <message>
            <location filename="../../ui/search_panel.py" line="66" />
            <source>Buscar</source>
            <translation>Search</translation>
        </message>
        <message>
            <location filename="../../ui/search_panel.py" line="67" />
            <source>Busque en todos los tiquetes, también los cerrados.</source>
            <translation>Search every ticket, closed ones too.</translation>
        </message>
        <message>
            <location filename="../../ui/search_panel.py" line="76" />
            <source>Ver cliente</source>
            <translation>Show client</translation>
        </message>
        <message>
            <location filename="../../ui/search_panel.py" line="98" />
            <source>Escriba qué buscar.</source>
            <translation>Type what to search for.</translation>
        </message>
        <message>
            <location filename="../../ui/search_panel.py" line="100" />
            <source>Buscando…</source>
            <translation>Searching…</translation>
        </message>
        <message>
            <location filename="../../ui/search_panel.py" line="106" />
            <source>{0} tiquetes encontrados.</source>
            <translation>{0} tickets found.</translation>
        </message>
        <message>
            <location filename="../../ui/search_panel.py" line="108" />
            <source>Ningún tiquete coincide.</source>
            <translation>No ticket matches.</translation>
        </message>
        <message>
            <location filename="../../ui/search_panel.py" line="111" />
            <source>No se pudo buscar: {0}</source>
            <translation>Search failed: {0}</translation>
        </message>
    </context>
    <context>
        <name>ServiceError</name>
        <message>
            <location filename="../../app/intake/imap.py" line="129" />
            <source>No hay contraseña IMAP para {user}: guárdela en el llavero del sistema o, para la cuenta de servicio, en la variable {variable}.</source>
            <translation>There is no IMAP password for {user}: store it in the system keyring or, for the service account, in the {variable} variable.</translation>
        </message>
        <message>
            <location filename="../../app/intake/imap.py" line="191" />
            <source>El servidor IMAP rechazó la búsqueda: {answer}</source>
            <translation>The IMAP server refused the search: {answer}</translation>
        </message>
        <message>
            <location filename="../../app/intake/imap.py" line="68" />
            <location filename="../../app/intake/imap.py" line="87" />
            <source>Otro proceso ya atiende el buzón {mailbox}.</source>
            <translation>Another process is already handling the mailbox {mailbox}.</translation>
        </message>
        <message>
            <location filename="../../app/intake/imap.py" line="154" />
            <source>No se pudo abrir el buzón {mailbox}: {answer}</source>
            <translation>Could not open the mailbox {mailbox}: {answer}</translation>
        </message>
        <message>
            <location filename="../../app/intake/imap.py" line="161" />
            <source>No se pudo conectar al servidor IMAP {host}:{port}: {error}</source>
            <translation>Could not connect to the IMAP server {host}:{port}: {error}</translation>
        </message>
        <message>
            <location filename="../../app/intake/pipeline.py" line="115" />
            <source>Se perdió la conexión con la base de datos: {error}</source>
            <translation>The connection to the database was lost: {error}</translation>
        </message>
        <message>
            <location filename="../../app/live/journal.py" line="48" />
            <source>{cause} La acción quedó pendiente en este equipo y se registrará automáticamente cuando vuelva la conexión.</source>
            <translation>{cause} The action was kept pending on this computer and will be saved automatically when the connection is back.</translation>
        </message>
        <message>
            <location filename="../../app/live/journal.py" line="59" />
            <source>{cause} Los adjuntos ({size}) superan el límite de {limit} que se puede guardar en este equipo: la acción NO se reintentará sola. No cierre esta ventana; pulse «Registrar acción» cuando vuelva la conexión.</source>
            <translation>{cause} The attachments ({size}) exceed the {limit} that can be kept on this computer: the action will NOT be retried by itself. Do not close this window; press “Log action” when the connection is back.</translation>
        </message>
        <message>
            <location filename="../../app/live/journal.py" line="168" />
            <source>Falta o está dañado el adjunto «{filename}» guardado en este equipo ({path}); la acción no se registró sin él.</source>
            <translation>The attachment “{filename}” kept on this computer ({path}) is missing or damaged; the action was not saved without it.</translation>
        </message>
        <message>
            <location filename="../../app/services/accounts.py" line="181" />
            <source>El servidor rechazó el usuario «{login}»: {detail}</source>
            <translation>The server refused the user “{login}”: {detail}</translation>
        </message>
        <message>
            <location filename="../../app/services/accounts.py" line="51" />
            <source>Usuario inválido: «{login}». Use de 2 a 63 letras minúsculas, números, «_» o «.», comenzando con una letra (no «pg_» ni «imr_»).</source>
            <translation>Invalid user: “{login}”. Use 2 to 63 lowercase letters, numbers, “_” or “.”, starting with a letter (not “pg_” or “imr_”).</translation>
        </message>
        <message>
            <location filename="../../app/services/accounts.py" line="93" />
            <source>Rol inválido: «{role}». Use technician, supervisor, admin o intake.</source>
            <translation>Invalid role: “{role}”. Use technician, supervisor, admin or intake.</translation>
        </message>
        <message>
            <location filename="../../app/services/accounts.py" line="99" />
            <source>La contraseña del nuevo usuario no puede estar vacía.</source>
            <translation>The new user’s password cannot be empty.</translation>
        </message>
        <message>
            <location filename="../../app/services/accounts.py" line="172" />
            <location filename="../../app/services/accounts.py" line="112" />
            <source>Ya existe un usuario «{login}» en el servidor PostgreSQL.</source>
            <translation>A user “{login}” already exists on the PostgreSQL server.</translation>
        </message>
        <message>
            <location filename="../../app/services/accounts.py" line="176" />
            <source>Su usuario de base de datos no puede crear ni quitar usuarios (hace falta un administrador): {detail}</source>
            <translation>Your database user cannot create or remove users (an administrator is needed): {detail}</translation>
        </message>
        <message>
            <location filename="../../app/services/accounts.py" line="102" />
            <source>Ya existe un representante técnico con el usuario «{login}».</source>
            <translation>A technician with the user “{login}” already exists.</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_trail.py" line="121" />
            <source>Tipo de registro desconocido: «{kind}».</source>
            <translation>Unknown record type: “{kind}”.</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_trail.py" line="125" />
            <source>La fecha final es anterior a la inicial.</source>
            <translation>The end date is earlier than the start date.</translation>
        </message>
        <message>
            <location filename="../../app/services/audit_trail.py" line="158" />
            <source>Solo un supervisor o un administrador puede consultar el registro de cambios.</source>
            <translation>Only a supervisor or an administrator can view the change log.</translation>
        </message>
        <message>
            <location filename="../../app/services/bootstrap.py" line="70" />
            <location filename="../../app/services/selfcheck.py" line="65" />
            <source>No se pudo abrir la base de datos {database}: {detail}</source>
            <translation>Could not open the database {database}: {detail}</translation>
        </message>
        <message>
            <location filename="../../app/services/demo.py" line="192" />
            <source>La base de datos ya tiene datos; los datos de demostración solo se cargan en una base vacía.</source>
            <translation>The database already has data; demonstration data is only loaded into an empty database.</translation>
        </message>
        <message>
            <location filename="../../app/services/directory.py" line="259" />
            <source>El WhatsApp «{address}» ya pertenece a {contact} ({client}).</source>
            <translation>The WhatsApp number “{address}” already belongs to {contact} ({client}).</translation>
        </message>
        <message>
            <location filename="../../app/services/directory.py" line="252" />
            <source>El correo electrónico «{address}» ya pertenece a {contact} ({client}).</source>
            <translation>The email address “{address}” already belongs to {contact} ({client}).</translation>
        </message>
        <message>
            <location filename="../../app/services/directory.py" line="256" />
            <source>El teléfono «{address}» ya pertenece a {contact} ({client}).</source>
            <translation>The phone number “{address}” already belongs to {contact} ({client}).</translation>
        </message>
        <message>
            <location filename="../../app/services/directory.py" line="273" />
            <source>Correo electrónico inválido: «{value}».</source>
            <translation>Invalid email address: “{value}”.</translation>
        </message>
        <message>
            <location filename="../../app/services/directory.py" line="275" />
            <source>Número de teléfono inválido: «{value}».</source>
            <translation>Invalid phone number: “{value}”.</translation>
        </message>
        <message>
            <location filename="../../app/services/directory.py" line="277" />
            <source>Número de teléfono inválido: «{value}» (faltan o sobran dígitos).</source>
            <translation>Invalid phone number: “{value}” (too few or too many digits).</translation>
        </message>
        <message>
            <location filename="../../app/services/directory.py" line="302" />
            <location filename="../../app/services/directory.py" line="376" />
            <location filename="../../app/services/directory_lookup.py" line="20" />
            <source>No existe el representante técnico «{login}».</source>
            <translation>There is no technician “{login}”.</translation>
        </message>
        <message>
            <location filename="../../app/services/directory.py" line="304" />
            <source>Solo supervisores y administradores pueden modificar el directorio.</source>
            <translation>Only supervisors and administrators can change the directory.</translation>
        </message>
        <message>
            <location filename="../../app/services/directory.py" line="328" />
            <source>Usuario inválido: «{login}» (letras, números, punto o guion bajo).</source>
            <translation>Invalid user: “{login}” (letters, numbers, dot or underscore).</translation>
        </message>
        <message>
            <location filename="../../app/services/directory.py" line="333" />
            <location filename="../../app/services/directory.py" line="368" />
            <source>Rol inválido: «{role}» (use {roles}).</source>
            <translation>Invalid role: “{role}” (use {roles}).</translation>
        </message>
        <message>
            <location filename="../../app/services/directory.py" line="342" />
            <source>Ya existe el representante técnico «{login}».</source>
            <translation>The technician “{login}” already exists.</translation>
        </message>
        <message>
            <location filename="../../app/services/directory.py" line="419" />
            <location filename="../../app/services/directory.py" line="494" />
            <source>El nombre del cliente no puede estar vacío.</source>
            <translation>The client name cannot be empty.</translation>
        </message>
        <message>
            <location filename="../../app/services/directory.py" line="421" />
            <source>Indique inicio y fin del contrato (--contract-from y --contract-until).</source>
            <translation>Give both the start and the end of the contract (--contract-from and --contract-until).</translation>
        </message>
        <message>
            <location filename="../../app/services/directory.py" line="425" />
            <location filename="../../app/services/directory.py" line="588" />
            <location filename="../../app/services/directory.py" line="642" />
            <source>El fin del contrato no puede ser anterior a su inicio.</source>
            <translation>The contract cannot end before it starts.</translation>
        </message>
        <message>
            <location filename="../../app/services/directory.py" line="555" />
            <source>El cliente no existe.</source>
            <translation>The client does not exist.</translation>
        </message>
        <message>
            <location filename="../../app/services/directory.py" line="572" />
            <source>Uno de los productos indicados no existe.</source>
            <translation>One of the products given does not exist.</translation>
        </message>
        <message>
            <location filename="../../app/services/directory.py" line="602" />
            <location filename="../../app/services/directory.py" line="651" />
            <source>Ya existe el contrato número «{number}».</source>
            <translation>Contract number “{number}” already exists.</translation>
        </message>
        <message>
            <location filename="../../app/services/directory.py" line="688" />
            <source>El contrato no existe.</source>
            <translation>The contract does not exist.</translation>
        </message>
        <message>
            <location filename="../../app/services/directory.py" line="795" />
            <location filename="../../app/services/directory.py" line="831" />
            <source>El nombre del producto no puede estar vacío.</source>
            <translation>The product name cannot be empty.</translation>
        </message>
        <message>
            <location filename="../../app/services/directory.py" line="905" />
            <location filename="../../app/services/directory.py" line="950" />
            <source>El nombre del contacto no puede estar vacío.</source>
            <translation>The contact name cannot be empty.</translation>
        </message>
        <message>
            <location filename="../../app/services/directory.py" line="987" />
            <source>{contact} es el único usuario clave de {client}, que tiene contrato: designe otro usuario clave antes de quitarle ese papel.</source>
            <translation>{contact} is the only key user of {client}, which has a contract: name another key user before removing that role.</translation>
        </message>
        <message>
            <location filename="../../app/services/directory.py" line="437" />
            <source>Ya existe el cliente «{name}».</source>
            <translation>The client “{name}” already exists.</translation>
        </message>
        <message>
            <location filename="../../app/services/directory.py" line="471" />
            <source>Ya existe el cliente «{name}» o su usuario clave.</source>
            <translation>The client “{name}” or its key user already exists.</translation>
        </message>
        <message>
            <location filename="../../app/services/directory.py" line="504" />
            <source>Ya existe otro cliente llamado «{name}».</source>
            <translation>Another client named “{name}” already exists.</translation>
        </message>
        <message>
            <location filename="../../app/services/directory.py" line="805" />
            <location filename="../../app/services/directory.py" line="837" />
            <source>Ya existe el producto con código «{code}».</source>
            <translation>A product with code “{code}” already exists.</translation>
        </message>
        <message>
            <location filename="../../app/services/directory.py" line="823" />
            <source>El producto no existe.</source>
            <translation>The product does not exist.</translation>
        </message>
        <message>
            <location filename="../../app/services/directory.py" line="925" />
            <location filename="../../app/services/directory.py" line="966" />
            <source>Una de las direcciones ya pertenece a otro contacto.</source>
            <translation>One of the addresses already belongs to another contact.</translation>
        </message>
        <message>
            <location filename="../../app/services/directory.py" line="944" />
            <location filename="../../app/services/directory.py" line="1017" />
            <source>El contacto no existe.</source>
            <translation>The contact does not exist.</translation>
        </message>
        <message>
            <location filename="../../app/services/directory.py" line="793" />
            <location filename="../../app/services/directory.py" line="827" />
            <source>El código del producto no puede estar vacío.</source>
            <translation>The product code cannot be empty.</translation>
        </message>
        <message>
            <location filename="../../app/services/directory.py" line="381" />
            <source>El nombre no puede estar vacío.</source>
            <translation>The name cannot be empty.</translation>
        </message>
        <message>
            <location filename="../../app/services/directory.py" line="390" />
            <source>No puede desactivar su propio usuario.</source>
            <translation>You cannot deactivate your own user.</translation>
        </message>
        <message>
            <location filename="../../app/services/directory.py" line="635" />
            <source>El número del contrato no puede estar vacío.</source>
            <translation>The contract number cannot be empty.</translation>
        </message>
        <message>
            <location filename="../../app/services/directory_import.py" line="181" />
            <source>Tipo de importación desconocido: «{kind}» (use {kinds}).</source>
            <translation>Unknown import type: “{kind}” (use {kinds}).</translation>
        </message>
        <message>
            <location filename="../../app/services/directory_import.py" line="413" />
            <source>Tipo de exportación desconocido: «{kind}» (use {kinds}).</source>
            <translation>Unknown export type: “{kind}” (use {kinds}).</translation>
        </message>
        <message>
            <location filename="../../app/services/directory_lookup.py" line="39" />
            <source>No existe el cliente «{name}».</source>
            <translation>There is no client “{name}”.</translation>
        </message>
        <message>
            <location filename="../../app/services/mail_intake.py" line="643" />
            <source>Solo un supervisor puede ver y resolver la cuarentena de correo.</source>
            <translation>Only a supervisor can view and resolve the mail quarantine.</translation>
        </message>
        <message>
            <location filename="../../app/services/mail_intake.py" line="689" />
            <location filename="../../app/services/mail_intake.py" line="683" />
            <location filename="../../app/services/mail_intake.py" line="200" />
            <location filename="../../app/services/tickets.py" line="848" />
            <location filename="../../app/services/tickets.py" line="926" />
            <source>No existe el tiquete {number}.</source>
            <translation>Ticket {number} does not exist.</translation>
        </message>
        <message>
            <location filename="../../app/services/mail_intake.py" line="507" />
            <source>Indique el asunto del tiquete.</source>
            <translation>Enter the ticket subject.</translation>
        </message>
        <message>
            <location filename="../../app/services/mail_intake.py" line="932" />
            <location filename="../../app/services/tickets.py" line="211" />
            <source>La fecha de recepción debe indicar la zona horaria.</source>
            <translation>The reception date must include the time zone.</translation>
        </message>
        <message>
            <location filename="../../app/services/mail_intake.py" line="410" />
            <source>El correo no existe.</source>
            <translation>The email does not exist.</translation>
        </message>
        <message>
            <location filename="../../app/services/mail_intake.py" line="477" />
            <location filename="../../app/services/mail_intake.py" line="497" />
            <source>No existe el correo en cuarentena n.º {id}.</source>
            <translation>There is no quarantined email no. {id}.</translation>
        </message>
        <message>
            <location filename="../../app/services/mail_intake.py" line="501" />
            <source>Ese correo ya se convirtió en {number}.</source>
            <translation>That email was already turned into {number}.</translation>
        </message>
        <message>
            <location filename="../../app/services/mail_replies.py" line="44" />
            <source>Escriba el texto del correo antes de enviarlo.</source>
            <translation>Write the text of the email before sending it.</translation>
        </message>
        <message>
            <location filename="../../app/services/mail_replies.py" line="46" />
            <source>El correo es demasiado largo.</source>
            <translation>The email is too long.</translation>
        </message>
        <message>
            <location filename="../../app/services/mail_replies.py" line="50" />
            <source>El tiquete {number} no tiene un correo del solicitante; indíquelo.</source>
            <translation>Ticket {number} has no requester email address; enter one.</translation>
        </message>
        <message>
            <location filename="../../app/services/selfcheck.py" line="85" />
            <source>La base de datos {database} está en la versión {current} y esta consola espera {expected}; ejecute «imr-console db upgrade».</source>
            <translation>The database {database} is at version {current} and this console expects {expected}; run “imr-console db upgrade”.</translation>
        </message>
        <message>
            <location filename="../../app/services/selfcheck.py" line="80" />
            <source>La base de datos {database} está en la versión (ninguna) y esta consola espera {expected}; ejecute «imr-console db upgrade».</source>
            <translation>The database {database} is at version (none) and this console expects {expected}; run “imr-console db upgrade”.</translation>
        </message>
        <message>
            <location filename="../../app/services/selfcheck.py" line="57" />
            <source>La base de datos {database} no tiene el esquema de IMR; ejecute «imr-console db upgrade».</source>
            <translation>The database {database} does not have the IMR schema; run “imr-console db upgrade”.</translation>
        </message>
        <message>
            <location filename="../../app/services/sla_admin.py" line="99" />
            <location filename="../../app/services/sla_admin.py" line="263" />
            <source>No existe el calendario «{name}».</source>
            <translation>There is no calendar “{name}”.</translation>
        </message>
        <message>
            <location filename="../../app/services/sla_admin.py" line="223" />
            <source>El umbral de riesgo debe estar entre 1 % y 99 % del objetivo.</source>
            <translation>The at-risk threshold must be between 1% and 99% of the target.</translation>
        </message>
        <message>
            <location filename="../../app/services/sla_admin.py" line="251" />
            <source>Solo un supervisor o un administrador puede cambiar calendarios y políticas.</source>
            <translation>Only a supervisor or an administrator can change calendars and policies.</translation>
        </message>
        <message>
            <location filename="../../app/services/sla_admin.py" line="274" />
            <source>El horario de oficina necesita al menos un tramo en la semana.</source>
            <translation>Office hours need at least one time slot in the week.</translation>
        </message>
        <message>
            <location filename="../../app/services/sla_admin.py" line="126" />
            <source>Horario no válido: {error}</source>
            <translation>Invalid hours: {error}</translation>
        </message>
        <message>
            <location filename="../../app/services/sla_admin.py" line="133" />
            <source>El calendario «{calendar}» está abierto 24×7; no tiene horario que editar.</source>
            <translation>The “{calendar}” calendar is open 24×7; it has no hours to edit.</translation>
        </message>
        <message>
            <location filename="../../app/services/sla_admin.py" line="139" />
            <source>El horario no cambió.</source>
            <translation>The hours did not change.</translation>
        </message>
        <message>
            <location filename="../../app/services/sla_admin.py" line="154" />
            <source>El {day} ya es día de cierre.</source>
            <translation>{day} is already a closure day.</translation>
        </message>
        <message>
            <location filename="../../app/services/sla_admin.py" line="179" />
            <source>El {day} no es día de cierre.</source>
            <translation>{day} is not a closure day.</translation>
        </message>
        <message>
            <location filename="../../app/services/sla_admin.py" line="199" />
            <source>Esa combinación ya usa ese calendario.</source>
            <translation>That combination already uses that calendar.</translation>
        </message>
        <message>
            <location filename="../../app/services/sla_admin.py" line="229" />
            <source>El umbral de riesgo no cambió.</source>
            <translation>The at-risk threshold did not change.</translation>
        </message>
        <message>
            <location filename="../../app/services/sla_admin.py" line="270" />
            <source>Calendario no válido: {error}</source>
            <translation>Invalid calendar: {error}</translation>
        </message>
        <message>
            <location filename="../../app/services/tickets.py" line="874" />
            <source>{who} modificó el tiquete {number} a las {time}. Recargue para ver los cambios; su texto se conserva.</source>
            <translation>{who} changed ticket {number} at {time}. Reload to see the changes; your text is kept.</translation>
        </message>
        <message>
            <location filename="../../app/services/tickets.py" line="204" />
            <source>El asunto del tiquete no puede estar vacío.</source>
            <translation>The ticket subject cannot be empty.</translation>
        </message>
        <message>
            <location filename="../../app/services/tickets.py" line="215" />
            <source>La fecha de recepción no puede estar en el futuro.</source>
            <translation>The reception date cannot be in the future.</translation>
        </message>
        <message>
            <location filename="../../app/services/tickets.py" line="410" />
            <source>El tiquete {number} ya no está abierto.</source>
            <translation>Ticket {number} is no longer open.</translation>
        </message>
        <message>
            <location filename="../../app/services/tickets.py" line="452" />
            <source>Otros escritorios están tomando tiquetes; intente de nuevo.</source>
            <translation>Other desks are claiming tickets; try again.</translation>
        </message>
        <message>
            <location filename="../../app/services/tickets.py" line="543" />
            <source>La hora de la acción no puede estar en el futuro.</source>
            <translation>The time of the action cannot be in the future.</translation>
        </message>
        <message>
            <location filename="../../app/services/tickets.py" line="545" />
            <source>La duración debe estar entre 0 y 1440 minutos.</source>
            <translation>The duration must be between 0 and 1440 minutes.</translation>
        </message>
        <message>
            <location filename="../../app/services/tickets.py" line="547" />
            <source>«{kind}» no cuenta como contacto con el solicitante.</source>
            <translation>“{kind}” does not count as contact with the requester.</translation>
        </message>
        <message>
            <location filename="../../app/services/tickets.py" line="551" />
            <source>Escriba qué se hizo antes de registrar la acción.</source>
            <translation>Write what was done before logging the action.</translation>
        </message>
        <message>
            <location filename="../../app/services/tickets.py" line="658" />
            <source>Indique el motivo del cambio de prioridad.</source>
            <translation>Enter the reason for the priority change.</translation>
        </message>
        <message>
            <location filename="../../app/services/tickets.py" line="714" />
            <source>Para resolver un tiquete indique la solución.</source>
            <translation>To resolve a ticket, enter the solution.</translation>
        </message>
        <message>
            <location filename="../../app/services/tickets.py" line="725" />
            <source>Describa la solución brindada antes de resolver el tiquete.</source>
            <translation>Describe the solution given before resolving the ticket.</translation>
        </message>
        <message>
            <location filename="../../app/services/tickets.py" line="745" />
            <source>Indique por qué se reabre el tiquete.</source>
            <translation>Enter why the ticket is being reopened.</translation>
        </message>
        <message>
            <location filename="../../app/services/tickets.py" line="759" />
            <source>No se puede pasar de «{current}» a «{status}».</source>
            <translation>A ticket cannot go from “{current}” to “{status}”.</translation>
        </message>
        <message>
            <location filename="../../app/services/tickets.py" line="784" />
            <source>Un tiquete no se puede fusionar consigo mismo.</source>
            <translation>A ticket cannot be merged into itself.</translation>
        </message>
        <message>
            <location filename="../../app/services/tickets.py" line="868" />
            <source>otro proceso modificó el tiquete {number} a las {time}. Recargue para ver los cambios; su texto se conserva.</source>
            <translation>Another process changed ticket {number} at {time}. Reload to see the changes; your text is kept.</translation>
        </message>
        <message>
            <location filename="../../app/services/tickets.py" line="178" />
            <source>El adjunto no existe o fue retenido por su tamaño.</source>
            <translation>The attachment does not exist or was held back because of its size.</translation>
        </message>
        <message>
            <location filename="../../app/services/tickets.py" line="396" />
            <source>Usted ya tiene tomado el tiquete {number}.</source>
            <translation>You have already claimed ticket {number}.</translation>
        </message>
        <message>
            <location filename="../../app/services/tickets.py" line="401" />
            <source>El tiquete {number} ya lo tomó {assignee}.</source>
            <translation>Ticket {number} was already claimed by {assignee}.</translation>
        </message>
        <message>
            <location filename="../../app/services/tickets.py" line="461" />
            <source>El tiquete {id} no está tomado por nadie.</source>
            <translation>Ticket {id} is not claimed by anyone.</translation>
        </message>
        <message>
            <location filename="../../app/services/tickets.py" line="465" />
            <source>Solo quien tomó el tiquete o un supervisor puede liberarlo.</source>
            <translation>Only whoever claimed the ticket or a supervisor can release it.</translation>
        </message>
        <message>
            <location filename="../../app/services/tickets.py" line="489" />
            <source>Solo un supervisor puede reasignar tiquetes.</source>
            <translation>Only a supervisor can reassign tickets.</translation>
        </message>
        <message>
            <location filename="../../app/services/tickets.py" line="539" />
            <source>La fecha de la acción debe indicar la zona horaria.</source>
            <translation>The date of the action must include the time zone.</translation>
        </message>
        <message>
            <location filename="../../app/services/tickets.py" line="562" />
            <source>La acción no puede ser anterior a la recepción del caso.</source>
            <translation>The action cannot be earlier than the reception of the case.</translation>
        </message>
        <message>
            <location filename="../../app/services/tickets.py" line="664" />
            <source>El tiquete ya tiene prioridad {priority}.</source>
            <translation>The ticket already has priority {priority}.</translation>
        </message>
        <message>
            <location filename="../../app/services/tickets.py" line="790" />
            <source>El tiquete {id} ya fue fusionado en IMR-{original}.</source>
            <translation>Ticket {id} was already merged into IMR-{original}.</translation>
        </message>
        <message>
            <location filename="../../app/services/tickets.py" line="795" />
            <source>Solo se puede fusionar en un tiquete abierto.</source>
            <translation>A ticket can only be merged into an open ticket.</translation>
        </message>
        <message>
            <location filename="../../app/services/tickets.py" line="291" />
            <source>Una acción inicial necesita un representante técnico.</source>
            <translation>A first action needs a technician.</translation>
        </message>
        <message>
            <location filename="../../app/services/uow.py" line="48" />
            <source>No se pudo conectar con la base de datos ({database}). Revise la red o el servidor e intente de nuevo. Detalle: {detail}</source>
            <translation>Could not connect to the database ({database}). Check the network or the server and try again. Detail: {detail}</translation>
        </message>
        <message>
            <location filename="../../app/services/uow.py" line="54" />
            <source>La base de datos no permite esta operación a su usuario.</source>
            <translation>The database does not allow this operation for your user.</translation>
        </message>
        <message>
            <location filename="../../app/services/uow.py" line="43" />
            <source>No se pudo conectar con la base de datos ({database}). Revise la red o el servidor e intente de nuevo.</source>
            <translation>Could not connect to the database ({database}). Check the network or the server and try again.</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <location filename="../../ui/settings_dialog.py" line="43" />
            <location filename="../../ui/settings_dialog.py" line="99" />
            <source>No hay un llavero del sistema disponible: la contraseña no se guardará y se pedirá en cada inicio.</source>
            <translation>No system keyring is available: the password will not be stored and will be asked at every start.</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="55" />
            <source>No se pudo guardar la contraseña en el llavero del sistema: {0}</source>
            <translation>Could not store the password in the system keyring: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="73" />
            <source>Configuración</source>
            <translation>Settings</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="78" />
            <source>Usar la base de datos local (SQLite, de prueba)</source>
            <translation>Use the local database (SQLite, for trying out)</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="89" />
            <location filename="../../ui/settings_dialog.py" line="184" />
            <source>se guarda en el llavero del sistema</source>
            <translation>stored in the system keyring</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="91" />
            <source>guardada en el llavero (sin cambios)</source>
            <translation>stored in the keyring (unchanged)</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="107" />
            <source>Base de datos compartida (PostgreSQL)</source>
            <translation>Shared database (PostgreSQL)</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="110" />
            <location filename="../../ui/settings_dialog.py" line="187" />
            <source>Servidor</source>
            <translation>Server</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="111" />
            <location filename="../../ui/settings_dialog.py" line="188" />
            <source>Puerto</source>
            <translation>Port</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="112" />
            <source>Base de datos</source>
            <translation>Database</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="113" />
            <location filename="../../ui/settings_dialog.py" line="190" />
            <source>Usuario</source>
            <translation>User</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="114" />
            <location filename="../../ui/settings_dialog.py" line="191" />
            <source>Contraseña</source>
            <translation>Password</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="115" />
            <source>Modo TLS</source>
            <translation>TLS mode</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="133" />
            <source>Sonido en las alertas</source>
            <translation>Sound on alerts</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="135" />
            <source>Escritorio</source>
            <translation>Desk</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="137" />
            <source>Representante técnico</source>
            <translation>Technician</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="138" />
            <source>Idioma</source>
            <translation>Language</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="142" />
            <source>Los cambios de base de datos e idioma se aplican al reiniciar la consola.</source>
            <translation>Database and language changes apply when the console restarts.</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="154" />
            <source>Guardar</source>
            <translation>Save</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="155" />
            <source>Cancelar</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="171" />
            <source>Correo saliente (SMTP)</source>
            <translation>Outgoing mail (SMTP)</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="173" />
            <source>vacío: sin respuestas por correo</source>
            <translation>empty: no email replies</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="189" />
            <source>Seguridad</source>
            <translation>Security</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="192" />
            <source>Remitente</source>
            <translation>Sender</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="208" />
            <source>Indique el servidor de la base de datos.</source>
            <translation>Enter the database server.</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="211" />
            <source>Indique el usuario de la base de datos.</source>
            <translation>Enter the database user.</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="235" />
            <source>No se pudo guardar la configuración: {0}</source>
            <translation>Could not save the settings: {0}</translation>
        </message>
    </context>
    <context>
        <name>SupervisorPanel</name>
        <message>
            <location filename="../../ui/supervisor_panel.py" line="98" />
            <source>Tiempo</source>
            <translation>Time</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor_panel.py" line="99" />
            <location filename="../../ui/supervisor_panel.py" line="408" />
            <location filename="../../ui/supervisor_panel.py" line="429" />
            <source>Prioridad</source>
            <translation>Priority</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor_panel.py" line="100" />
            <location filename="../../ui/supervisor_panel.py" line="407" />
            <location filename="../../ui/supervisor_panel.py" line="428" />
            <source>Tiquete</source>
            <translation>Ticket</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor_panel.py" line="101" />
            <source>Cliente</source>
            <translation>Client</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor_panel.py" line="102" />
            <source>Asunto</source>
            <translation>Subject</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor_panel.py" line="103" />
            <location filename="../../ui/supervisor_panel.py" line="409" />
            <location filename="../../ui/supervisor_panel.py" line="430" />
            <source>Canal</source>
            <translation>Channel</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor_panel.py" line="104" />
            <location filename="../../ui/supervisor_panel.py" line="412" />
            <location filename="../../ui/supervisor_panel.py" line="432" />
            <source>Asignado a</source>
            <translation>Assigned to</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor_panel.py" line="167" />
            <source>— sin asignar —</source>
            <translation>— unassigned —</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor_panel.py" line="180" />
            <source>Crítico sin asignar</source>
            <translation>Critical, unassigned</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor_panel.py" line="207" />
            <location filename="../../ui/supervisor_panel.py" line="397" />
            <source>Tiquetes</source>
            <translation>Tickets</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor_panel.py" line="208" />
            <source>Cumplidos</source>
            <translation>Met</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor_panel.py" line="209" />
            <source>Con atraso</source>
            <translation>Met late</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor_panel.py" line="210" />
            <source>Vencidos</source>
            <translation>Breached</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor_panel.py" line="211" />
            <source>Abiertos en tiempo</source>
            <translation>Open on time</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor_panel.py" line="212" />
            <source>Cumplimiento %</source>
            <translation>Compliance %</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor_panel.py" line="213" />
            <source>Mediana (min)</source>
            <translation>Median (min)</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor_panel.py" line="214" />
            <source>P90 (min)</source>
            <translation>P90 (min)</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor_panel.py" line="221" />
            <location filename="../../ui/supervisor_panel.py" line="330" />
            <source>Total</source>
            <translation>Total</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor_panel.py" line="225" />
            <source>(sin cliente)</source>
            <translation>(no client)</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor_panel.py" line="225" />
            <source>(sin asignar)</source>
            <translation>(unassigned)</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor_panel.py" line="269" />
            <source>Panel de supervisión</source>
            <translation>Supervision panel</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor_panel.py" line="285" />
            <source>Vencimientos en vivo</source>
            <translation>Live deadlines</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor_panel.py" line="286" />
            <source>Cumplimiento</source>
            <translation>Compliance</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor_panel.py" line="287" />
            <source>Causas de incumplimiento</source>
            <translation>Breach causes</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor_panel.py" line="288" />
            <location filename="../../ui/supervisor_panel.py" line="434" />
            <source>Pronóstico</source>
            <translation>Forecast</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor_panel.py" line="292" />
            <source>Registro de cambios</source>
            <translation>Change log</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor_panel.py" line="323" />
            <source>&lt;b&gt;Carga por representante técnico&lt;/b&gt; (tiquetes abiertos)</source>
            <translation>&lt;b&gt;Load by technician&lt;/b&gt; (open tickets)</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor_panel.py" line="327" />
            <source>Representante técnico</source>
            <translation>Technician</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor_panel.py" line="328" />
            <source>En turno</source>
            <translation>On shift</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor_panel.py" line="348" />
            <source>Calcular</source>
            <translation>Compute</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor_panel.py" line="350" />
            <source>Exportar CSV…</source>
            <translation>Export CSV…</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor_panel.py" line="352" />
            <source>Exportar PDF…</source>
            <translation>Export PDF…</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor_panel.py" line="355" />
            <source>Desde</source>
            <translation>From</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor_panel.py" line="357" />
            <source>hasta</source>
            <translation>to</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor_panel.py" line="363" />
            <source>Calendarios y política…</source>
            <translation>Calendars and policy…</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor_panel.py" line="374" />
            <source>Por prioridad</source>
            <translation>By priority</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor_panel.py" line="375" />
            <source>Por canal</source>
            <translation>By channel</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor_panel.py" line="376" />
            <source>Por cliente</source>
            <translation>By client</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor_panel.py" line="377" />
            <source>Por técnico</source>
            <translation>By technician</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor_panel.py" line="396" />
            <location filename="../../ui/supervisor_panel.py" line="413" />
            <source>Causa</source>
            <translation>Cause</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor_panel.py" line="398" />
            <source>Qué significa</source>
            <translation>What it means</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor_panel.py" line="410" />
            <source>Vencía</source>
            <translation>Was due</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor_panel.py" line="411" />
            <source>Primer contacto</source>
            <translation>First contact</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor_panel.py" line="431" />
            <source>Vence</source>
            <translation>Due</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor_panel.py" line="433" />
            <source>Contacto previsto</source>
            <translation>Expected contact</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor_panel.py" line="479" />
            <source>&lt;b&gt;{0}&lt;/b&gt; vencidos · &lt;b&gt;{1}&lt;/b&gt; vencen en la próxima hora · &lt;b style='color:#c62828'&gt;{2}&lt;/b&gt; críticos sin asignar</source>
            <translation>&lt;b&gt;{0}&lt;/b&gt; breached · &lt;b&gt;{1}&lt;/b&gt; due within the next hour · &lt;b style='color:#c62828'&gt;{2}&lt;/b&gt; critical unassigned</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor_panel.py" line="487" />
            <source>Sí</source>
            <translation>Yes</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor_panel.py" line="487" />
            <source>No</source>
            <translation>No</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor_panel.py" line="503" />
            <source>La fecha final es anterior a la inicial.</source>
            <translation>The end date is before the start date.</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor_panel.py" line="507" />
            <source>Calculando el informe…</source>
            <translation>Computing the report…</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor_panel.py" line="555" />
            <source>sin contacto</source>
            <translation>no contact</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor_panel.py" line="564" />
            <source>&lt;b&gt;{0}&lt;/b&gt; de {1} tiquetes en espera de primer contacto vencerán con {2} representantes en turno. Tiempo de atención (mediana): </source>
            <translation>&lt;b&gt;{0}&lt;/b&gt; of {1} tickets waiting for first contact will breach with {2} technicians on shift. Handling time (median): </translation>
        </message>
        <message>
            <location filename="../../ui/supervisor_panel.py" line="584" />
            <source>nadie en turno</source>
            <translation>nobody on shift</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor_panel.py" line="592" />
            <source>Periodo {0}: {1} tiquetes, cumplimiento {2} %.</source>
            <translation>Period {0}: {1} tickets, compliance {2} %.</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor_panel.py" line="601" />
            <location filename="../../ui/supervisor_panel.py" line="607" />
            <location filename="../../ui/supervisor_panel.py" line="622" />
            <source>Calcule el informe antes de exportarlo.</source>
            <translation>Compute the report before exporting it.</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor_panel.py" line="626" />
            <source>Exportar informe</source>
            <translation>Export report</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor_panel.py" line="633" />
            <source>No se pudo guardar el archivo: {0}</source>
            <translation>Could not save the file: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor_panel.py" line="636" />
            <source>Informe guardado en {0}</source>
            <translation>Report saved to {0}</translation>
        </message>
        <message>
            <location filename="../../ui/supervisor_panel.py" line="656" />
            <source>No se pudo calcular el informe.</source>
            <translation>The report could not be computed.</translation>
        </message>
    </context>
    <context>
        <name>TicketDialog</name>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="120" />
            <source>Tiquete {0}</source>
            <translation>Ticket {0}</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="159" />
            <source>⚑ Marcado para revisión del supervisor</source>
            <translation>⚑ Flagged for supervisor review</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="174" />
            <source>Historial de acciones</source>
            <translation>Action history</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="227" />
            <source>Cliente</source>
            <translation>Client</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="228" />
            <source>Contrato</source>
            <translation>Contract</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="229" />
            <source>Solicitante</source>
            <translation>Requester</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="230" />
            <source>Producto</source>
            <translation>Product</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="233" />
            <source>Canal</source>
            <translation>Channel</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="234" />
            <source>Estado</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="235" />
            <source>Asignado a</source>
            <translation>Assigned to</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="236" />
            <source>Prioridad</source>
            <translation>Priority</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="258" />
            <source>Primer contacto</source>
            <translation>First contact</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="271" />
            <source>¿Por qué este vencimiento?</source>
            <translation>Why this deadline?</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="298" />
            <source>Tomar</source>
            <translation>Claim</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="301" />
            <source>Liberar</source>
            <translation>Release</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="304" />
            <source>En espera del cliente</source>
            <translation>Waiting for client</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="307" />
            <source>Cerrar tiquete</source>
            <translation>Close ticket</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="311" />
            <source>Responder por correo</source>
            <translation>Reply by email</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="315" />
            <location filename="../../ui/ticket_dialog.py" line="824" />
            <location filename="../../ui/ticket_dialog.py" line="827" />
            <source>Recargar</source>
            <translation>Reload</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="328" />
            <source>Guardando…</source>
            <translation>Saving…</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="338" />
            <location filename="../../ui/ticket_dialog.py" line="405" />
            <source>Registrar acción</source>
            <translation>Log action</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="339" />
            <source>Resolver</source>
            <translation>Resolve</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="340" />
            <location filename="../../ui/ticket_dialog.py" line="461" />
            <source>Cambiar prioridad</source>
            <translation>Change priority</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="341" />
            <source>Reabrir / Fusionar</source>
            <translation>Reopen / Merge</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="345" />
            <source>Correos</source>
            <translation>Emails</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="362" />
            <source>sin duración</source>
            <translation>no duration</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="363" />
            <source>Fue contacto con el solicitante</source>
            <translation>Was contact with the requester</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="365" />
            <source>Tipo</source>
            <translation>Kind</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="367" />
            <source>Duración</source>
            <translation>Duration</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="379" />
            <source>Qué se hizo o se habló con el solicitante… (Ctrl+V pega una captura)</source>
            <translation>What was done or discussed with the requester… (Ctrl+V pastes a screenshot)</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="385" />
            <source>Adjuntar archivo…</source>
            <translation>Attach file…</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="388" />
            <source>Pegar captura</source>
            <translation>Paste screenshot</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="390" />
            <source>Adjunta la imagen del portapapeles como PNG (Ctrl+V)</source>
            <translation>Attaches the clipboard image as PNG (Ctrl+V)</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="392" />
            <source>Quitar</source>
            <translation>Remove</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="420" />
            <source>Describa la solución brindada al usuario final.</source>
            <translation>Describe the solution given to the end user.</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="425" />
            <source>Solución (obligatoria)</source>
            <translation>Solution (required)</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="428" />
            <source>Resolver tiquete</source>
            <translation>Resolve ticket</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="441" />
            <source>{0} — {1} (primer contacto en {2})</source>
            <translation>{0} — {1} (first contact within {2})</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="451" />
            <source>Motivo del cambio (obligatorio)</source>
            <translation>Reason for the change (required)</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="454" />
            <source>Antes del primer contacto el vencimiento se recalcula desde la hora de recepción; después, el resultado del primer contacto no cambia.</source>
            <translation>Before the first contact the deadline is recomputed from the time received; after it, the first-contact result does not change.</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="464" />
            <source>Nueva prioridad</source>
            <translation>New priority</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="467" />
            <source>Motivo</source>
            <translation>Reason</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="477" />
            <source>Reabrir</source>
            <translation>Reopen</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="480" />
            <source>Por qué se reabre (obligatorio)</source>
            <translation>Why it is reopened (required)</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="481" />
            <source>Reabrir tiquete</source>
            <translation>Reopen ticket</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="485" />
            <location filename="../../ui/ticket_dialog.py" line="498" />
            <source>Fusionar en…</source>
            <translation>Merge into…</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="487" />
            <source>Si este tiquete es un duplicado, su historial pasa al tiquete original y este queda cerrado.</source>
            <translation>If this ticket is a duplicate, its history moves to the original ticket and this one is closed.</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="497" />
            <source>Tiquete original, p. ej. IMR-120</source>
            <translation>Original ticket, e.g. IMR-120</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="584" />
            <source>Con los horarios de hoy vencería {0}; el plazo de este tiquete se calculó con los horarios vigentes en su momento.</source>
            <translation>With today's hours it would be due {0}; this ticket's deadline was computed with the hours in force at the time.</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="605" />
            <source>(cliente no identificado)</source>
            <translation>(client not identified)</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="614" />
            <source>(sin solicitante)</source>
            <translation>(no requester)</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="616" />
            <source>usuario clave</source>
            <translation>key user</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="618" />
            <source>no es usuario clave</source>
            <translation>not a key user</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="620" />
            <source>contacto no registrado</source>
            <translation>unregistered contact</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="621" />
            <source>(sin producto)</source>
            <translation>(no product)</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="625" />
            <source>(fusionado en IMR-{0})</source>
            <translation>(merged into IMR-{0})</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="627" />
            <source>sin asignar</source>
            <translation>unassigned</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="635" />
            <source>Primer contacto en {0}.</source>
            <translation>First contact within {0}.</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="638" />
            <source>Recibido {0} · {1}</source>
            <translation>Received {0} · {1}</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="662" />
            <source>Sin contrato vigente (cliente no identificado)</source>
            <translation>No contract in force (client not identified)</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="665" />
            <source>Contrato vigente {0} · del {1} al {2}</source>
            <translation>Contract in force {0} · from {1} to {2}</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="669" />
            <source>Línea Crítica 24×7</source>
            <translation>24×7 Critical line</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="672" />
            <source>Sin contrato vigente</source>
            <translation>No contract in force</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="675" />
            <source>(último: {0}, del {1} al {2})</source>
            <translation>(last: {0}, from {1} to {2})</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="715" />
            <source>vence {0}</source>
            <translation>due {0}</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="717" />
            <source>primer contacto {0}</source>
            <translation>first contact {0}</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="736" />
            <source>El primer contacto con el solicitante detiene el reloj de primer contacto.</source>
            <translation>The first contact with the requester stops the first-contact clock.</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="740" />
            <source>«{0}» no cuenta como contacto con el solicitante.</source>
            <translation>“{0}” does not count as contact with the requester.</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="827" />
            <source>Lo escrito se conserva.</source>
            <translation>What you typed is kept.</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="833" />
            <source>Error inesperado: {0}. Lo escrito se conserva.</source>
            <translation>Unexpected error: {0}. What you typed is kept.</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="862" />
            <source>Tiquete tomado.</source>
            <translation>Ticket claimed.</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="867" />
            <source>Tiquete liberado.</source>
            <translation>Ticket released.</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="875" />
            <source>En espera del cliente.</source>
            <translation>Waiting for client.</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="881" />
            <source>Tiquete cerrado.</source>
            <translation>Ticket closed.</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="888" />
            <source>Describa la solución brindada antes de resolver el tiquete.</source>
            <translation>Describe the solution given before resolving the ticket.</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="894" />
            <source>Tiquete resuelto.</source>
            <translation>Ticket resolved.</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="900" />
            <source>Indique el motivo del cambio de prioridad.</source>
            <translation>Give the reason for the priority change.</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="908" />
            <source>Prioridad cambiada a {0}.</source>
            <translation>Priority changed to {0}.</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="914" />
            <source>Indique por qué se reabre el tiquete.</source>
            <translation>Say why the ticket is reopened.</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="919" />
            <source>Tiquete reabierto.</source>
            <translation>Ticket reopened.</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="926" />
            <source>Número de tiquete inválido: use IMR-&lt;n&gt;.</source>
            <translation>Invalid ticket number: use IMR-&lt;n&gt;.</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="937" />
            <source>Fusionado en IMR-{0}; su historial quedó en el original.</source>
            <translation>Merged into IMR-{0}; its history is now on the original.</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="957" />
            <source>Escriba qué se hizo antes de registrar la acción.</source>
            <translation>Type what was done before logging the action.</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="982" />
            <source>Acción registrada: {0}.</source>
            <translation>Action logged: {0}.</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="998" />
            <source>«{0}» pesa más de {1}; no se adjuntó.</source>
            <translation>“{0}” is larger than {1}; it was not attached.</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="1025" />
            <source>Adjuntar archivos</source>
            <translation>Attach files</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="1034" />
            <source>No se pudo leer «{0}»: {1}</source>
            <translation>Could not read “{0}”: {1}</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="1074" />
            <source>Adjunto guardado en {0}.</source>
            <translation>Attachment saved to {0}.</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="1097" />
            <source>Correo original — {0}</source>
            <translation>Original email — {0}</translation>
        </message>
        <message>
            <location filename="../../ui/ticket_dialog.py" line="1117" />
            <source>Correo original guardado en {0}.</source>
            <translation>Original email saved to {0}.</translation>
        </message>
    </context>
    <context>
        <name>Timeline</name>
        <message>
            <location filename="../../ui/timeline.py" line="100" />
            <source>cargando vista previa…</source>
            <translation>loading preview…</translation>
        </message>
        <message>
            <location filename="../../ui/timeline.py" line="103" />
            <source>retenido</source>
            <translation>withheld</translation>
        </message>
        <message>
            <location filename="../../ui/timeline.py" line="105" />
            <source>Guardar como…</source>
            <translation>Save as…</translation>
        </message>
        <message>
            <location filename="../../ui/timeline.py" line="121" />
            <source>sin vista previa</source>
            <translation>no preview</translation>
        </message>
        <message>
            <location filename="../../ui/timeline.py" line="158" />
            <source>contacto con el solicitante</source>
            <translation>contact with the requester</translation>
        </message>
        <message>
            <location filename="../../ui/timeline.py" line="167" />
            <source>{0} min</source>
            <translation>{0} min</translation>
        </message>
        <message>
            <location filename="../../ui/timeline.py" line="169" />
            <source>Duración</source>
            <translation>Duration</translation>
        </message>
        <message>
            <location filename="../../ui/timeline.py" line="171" />
            <source>Sistema</source>
            <translation>System</translation>
        </message>
        <message>
            <location filename="../../ui/timeline.py" line="251" />
            <source>Guardar adjunto como</source>
            <translation>Save attachment as</translation>
        </message>
    </context>
</TS>
