<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>@default</name>
    <message>
        <location filename="../store/workspace.py" line="80"/>
        <source>{path} is not a readable GeoPackage ({error}).</source>
        <translation>{path} n'est pas un GeoPackage lisible ({error}).</translation>
    </message>
    <message>
        <location filename="../store/workspace.py" line="108"/>
        <source>Cannot create the table {table} in {path}: {error}</source>
        <translation>Impossible de créer la table {table} dans {path} : {error}</translation>
    </message>
    <message>
        <location filename="../store/workspace.py" line="173"/>
        <source>The table {table} cannot be opened in {path}.</source>
        <translation>La table {table} ne peut pas être ouverte dans {path}.</translation>
    </message>
    <message>
        <location filename="../store/workspace.py" line="235"/>
        <source>Cannot write the groups into {path}.</source>
        <translation>Impossible d'écrire les groupes dans {path}.</translation>
    </message>
    <message>
        <location filename="../domain/groups.py" line="33"/>
        <source>A group needs a name.</source>
        <translation>Un groupe doit avoir un nom.</translation>
    </message>
    <message>
        <location filename="../domain/groups.py" line="35"/>
        <source>The group name is too long (80 characters at most).</source>
        <translation>Le nom du groupe est trop long (80 caractères au plus).</translation>
    </message>
    <message>
        <location filename="../domain/groups.py" line="45"/>
        <source>Give at least one group.</source>
        <translation>Indiquez au moins un groupe.</translation>
    </message>
    <message>
        <location filename="../processing/provider.py" line="16"/>
        <source>Atelier territorial</source>
        <translation>Atelier territorial</translation>
    </message>
    <message>
        <location filename="../gui/dock.py" line="155"/>
        <source>No dossier open</source>
        <translation>Aucun dossier ouvert</translation>
    </message>
    <message>
        <location filename="../processing/export_boards.py" line="64"/>
        <source>Boards</source>
        <translation>Planches</translation>
    </message>
    <message>
        <location filename="../gui/steps/boards.py" line="24"/>
        <source>Export the boards…</source>
        <translation>Exporter les planches…</translation>
    </message>
    <message>
        <location filename="../gui/steps/boards.py" line="30"/>
        <source>Cross-group synthesis</source>
        <translation>Synthèse inter-groupes</translation>
    </message>
    <message>
        <location filename="../gui/steps/diagnostic.py" line="32"/>
        <source>Diagnostic</source>
        <translation>Diagnostic</translation>
    </message>
    <message>
        <location filename="../gui/steps/diagnostic.py" line="35"/>
        <source>Strengths, weaknesses, opportunities and threats, by theme, drawn on the map.</source>
        <translation>Atouts, faiblesses, opportunités et menaces, par thème, dessinés sur la carte.</translation>
    </message>
    <message>
        <location filename="../gui/steps/diagnostic.py" line="144"/>
        <source>Add a diagnostic element</source>
        <translation>Ajouter un élément de diagnostic</translation>
    </message>
    <message>
        <location filename="../services/server/pg_project.py" line="63"/>
        <source>Dossier</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <location filename="../gui/steps/dossier.py" line="57"/>
        <source>Build the cartographic dossier of a commune, or open an existing one.</source>
        <translation>Créez le dossier cartographique d'une commune, ou ouvrez un dossier existant.</translation>
    </message>
    <message>
        <location filename="../gui/steps/dossier.py" line="58"/>
        <source>Build a dossier…</source>
        <translation>Créer un dossier…</translation>
    </message>
    <message>
        <location filename="../gui/steps/dossier.py" line="64"/>
        <source>Open a dossier…</source>
        <translation>Ouvrir un dossier…</translation>
    </message>
    <message>
        <location filename="../gui/steps/enjeux.py" line="32"/>
        <source>Issues and toolbox</source>
        <translation>Enjeux et boîte à outils</translation>
    </message>
    <message>
        <location filename="../gui/steps/enjeux.py" line="37"/>
        <source>The DDTM toolbox of support tools, and the issues (enjeux) of each group linked to tools.</source>
        <translation>La boîte à outils de la DDTM et les enjeux de chaque groupe, reliés aux outils.</translation>
    </message>
    <message>
        <location filename="../gui/steps/enjeux.py" line="42"/>
        <source>Toolbox…</source>
        <translation>Boîte à outils…</translation>
    </message>
    <message>
        <location filename="../gui/steps/enjeux.py" line="48"/>
        <source>Add an issue</source>
        <translation>Ajouter un enjeu</translation>
    </message>
    <message>
        <location filename="../gui/steps/enjeux.py" line="94"/>
        <source>Support proposal…</source>
        <translation>Proposition d'accompagnement…</translation>
    </message>
    <message>
        <location filename="../processing/create_groups.py" line="42"/>
        <source>Groups</source>
        <translation>Groupes</translation>
    </message>
    <message>
        <location filename="../gui/steps/groups.py" line="26"/>
        <source>Create the workspace of the groups, name them and give each its adviser.</source>
        <translation>Créez l'espace de travail des groupes, nommez-les et attribuez à chacun son conseiller.</translation>
    </message>
    <message>
        <location filename="../gui/steps/groups.py" line="29"/>
        <source>Create the groups…</source>
        <translation>Créer les groupes…</translation>
    </message>
    <message>
        <location filename="../gui/steps/groups.py" line="35"/>
        <source>Delete a group…</source>
        <translation>Supprimer un groupe…</translation>
    </message>
    <message>
        <location filename="../gui/steps/photos.py" line="17"/>
        <source>Photos</source>
        <translation>Photos</translation>
    </message>
    <message>
        <location filename="../gui/steps/photos.py" line="20"/>
        <source>After the visit: print the field map, export an offline field package, import the geotagged photos.</source>
        <translation>Après la visite : imprimez la carte de terrain, exportez un paquet terrain hors ligne, importez les photos géolocalisées.</translation>
    </message>
    <message>
        <location filename="../gui/steps/photos.py" line="25"/>
        <source>Field map (PDF)…</source>
        <translation>Carte de terrain (PDF)…</translation>
    </message>
    <message>
        <location filename="../gui/steps/photos.py" line="32"/>
        <source>Export the field package…</source>
        <translation>Exporter le paquet terrain…</translation>
    </message>
    <message>
        <location filename="../gui/steps/photos.py" line="47"/>
        <source>Import photos…</source>
        <translation>Importer des photos…</translation>
    </message>
    <message>
        <location filename="../gui/steps/route.py" line="34"/>
        <source>Route and stops</source>
        <translation>Parcours et arrêts</translation>
    </message>
    <message>
        <location filename="../gui/steps/route.py" line="39"/>
        <source>Draw the discovery route of the active group, its stops and sequences, and check the walking time against the visit slot.</source>
        <translation>Dessinez le parcours de découverte du groupe actif, ses arrêts et ses séquences, et vérifiez le temps de marche par rapport au créneau de visite.</translation>
    </message>
    <message>
        <location filename="../gui/steps/route.py" line="46"/>
        <source>Draw the route</source>
        <translation>Tracer le parcours</translation>
    </message>
    <message>
        <location filename="../gui/steps/route.py" line="50"/>
        <source>Add a stop</source>
        <translation>Ajouter un arrêt</translation>
    </message>
    <message>
        <location filename="../gui/steps/route.py" line="51"/>
        <source>Draw a sequence</source>
        <translation>Tracer une séquence</translation>
    </message>
    <message>
        <location filename="../gui/steps/route.py" line="55"/>
        <source>Draw a project site</source>
        <translation>Dessiner un site de projet</translation>
    </message>
    <message>
        <location filename="../gui/steps/route.py" line="59"/>
        <source>Note a hypothesis</source>
        <translation>Noter une hypothèse</translation>
    </message>
    <message>
        <location filename="../services/route.py" line="179"/>
        <source>Number the stops</source>
        <translation>Numéroter les arrêts</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="25"/>
        <source>&amp;Atelier territorial</source>
        <translation>&amp;Atelier territorial</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="56"/>
        <source>Show the workshop panel (dossier, groups, boards)</source>
        <translation>Afficher le panneau de l'atelier (dossier, groupes, planches)</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="109"/>
        <source>Workshop</source>
        <translation>Atelier</translation>
    </message>
    <message>
        <location filename="../processing/build_dossier.py" line="30"/>
        <source>Build a commune dossier</source>
        <translation>Créer un dossier communal</translation>
    </message>
    <message>
        <location filename="../processing/create_groups.py" line="20"/>
        <source>Create the group workspace</source>
        <translation>Créer l'espace de travail des groupes</translation>
    </message>
    <message>
        <location filename="../processing/export_boards.py" line="33"/>
        <source>Export the map boards</source>
        <translation>Exporter les planches cartographiques</translation>
    </message>
    <message>
        <location filename="../processing/export_field_package.py" line="28"/>
        <source>Export a field package</source>
        <translation>Exporter un paquet terrain</translation>
    </message>
    <message>
        <location filename="../processing/import_photos.py" line="21"/>
        <source>Import geotagged photos</source>
        <translation>Importer des photos géolocalisées</translation>
    </message>
    <message>
        <location filename="../processing/order_stops.py" line="21"/>
        <source>Number stops along the route</source>
        <translation>Numéroter les arrêts le long du parcours</translation>
    </message>
    <message>
        <location filename="../processing/synthesis.py" line="20"/>
        <source>Cross-group synthesis of project sites</source>
        <translation>Synthèse inter-groupes des sites de projet</translation>
    </message>
    <message>
        <location filename="../domain/stops.py" line="63"/>
        <source>The route needs at least two points.</source>
        <translation>Le parcours doit compter au moins deux points.</translation>
    </message>
    <message>
        <location filename="../services/route.py" line="107"/>
        <source>No route has been drawn for this group yet.</source>
        <translation>Aucun parcours n'a encore été dessiné pour ce groupe.</translation>
    </message>
    <message>
        <location filename="../domain/stops.py" line="109"/>
        <source>The route was drawn in {count} pieces; they connect and were joined.</source>
        <translation>Le parcours a été dessiné en {count} tronçons ; ils se raccordent et ont été réunis.</translation>
    </message>
    <message>
        <location filename="../domain/stops.py" line="116"/>
        <source>The route has {count} pieces that do not connect; only the longest ({length} m) is used. Join the pieces or delete the extra ones.</source>
        <translation>Le parcours compte {count} tronçons qui ne se raccordent pas ; seul le plus long ({length} m) est utilisé. Raccordez les tronçons ou supprimez ceux en trop.</translation>
    </message>
    <message>
        <location filename="../domain/stops.py" line="221"/>
        <source>Stop {order} is {distance} m away from the route.</source>
        <translation>L'arrêt {order} est à {distance} m du parcours.</translation>
    </message>
    <message>
        <location filename="../domain/stops.py" line="232"/>
        <source>Stops {first} and {second} are at the same place.</source>
        <translation>Les arrêts {first} et {second} sont au même endroit.</translation>
    </message>
    <message>
        <location filename="../domain/stops.py" line="288"/>
        <source>The visit slot must be longer than 0 minutes.</source>
        <translation>Le créneau de visite doit durer plus de 0 minute.</translation>
    </message>
    <message>
        <location filename="../services/dossier/dossier_sources.py" line="89"/>
        <source>The field {field} does not exist in the layer {layer}.</source>
        <translation>Le champ {field} n'existe pas dans la couche {layer}.</translation>
    </message>
    <message>
        <location filename="../services/dossier/dossier_sources.py" line="97"/>
        <source>The layer {layer} has no INSEE code field (looked for: {candidates}). Choose the field holding the INSEE code.</source>
        <translation>La couche {layer} n'a pas de champ de code INSEE (champs recherchés : {candidates}). Choisissez le champ qui contient le code INSEE.</translation>
    </message>
    <message>
        <location filename="../services/dossier/dossier_sources.py" line="148"/>
        <source>The communes layer cannot be read.</source>
        <translation>La couche des communes ne peut pas être lue.</translation>
    </message>
    <message>
        <location filename="../services/dossier/dossier_sources.py" line="150"/>
        <source>The communes layer {layer} must hold polygons (it holds {kind}).</source>
        <translation>La couche des communes {layer} doit contenir des polygones (elle contient : {kind}).</translation>
    </message>
    <message>
        <location filename="../services/dossier/dossier_sources.py" line="187"/>
        <source>No commune has the INSEE code {code} in the layer {layer} (field {field}).</source>
        <translation>Aucune commune n'a le code INSEE {code} dans la couche {layer} (champ {field}).</translation>
    </message>
    <message>
        <location filename="../services/dossier/dossier_sources.py" line="355"/>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <location filename="../domain/catalogue.py" line="82"/>
        <source>A tool needs a name.</source>
        <translation>Un outil doit avoir un nom.</translation>
    </message>
    <message>
        <location filename="../domain/catalogue.py" line="84"/>
        <source>The tool name is too long (200 characters at most).</source>
        <translation>Le nom de l'outil est trop long (200 caractères au plus).</translation>
    </message>
    <message>
        <location filename="../domain/catalogue.py" line="111"/>
        <source>The file was not UTF-8: it was read as Windows Latin-1 text; check the accents.</source>
        <translation>Le fichier n'était pas en UTF-8 : il a été lu comme du texte Windows Latin-1 ; vérifiez les accents.</translation>
    </message>
    <message>
        <location filename="../domain/catalogue.py" line="130"/>
        <source>This file is too large to be a tool catalogue.</source>
        <translation>Ce fichier est trop volumineux pour être un catalogue d'outils.</translation>
    </message>
    <message>
        <location filename="../domain/catalogue.py" line="133"/>
        <source>The file is empty.</source>
        <translation>Le fichier est vide.</translation>
    </message>
    <message>
        <location filename="../domain/catalogue.py" line="136"/>
        <source>The columns were separated by semicolons (French spreadsheet): read as such.</source>
        <translation>Les colonnes étaient séparées par des points-virgules (tableur français) : lues comme telles.</translation>
    </message>
    <message>
        <location filename="../domain/catalogue.py" line="142"/>
        <source>The columns were separated by tabs: read as such.</source>
        <translation>Les colonnes étaient séparées par des tabulations : lues comme telles.</translation>
    </message>
    <message>
        <location filename="../domain/catalogue.py" line="147"/>
        <source>The first line must name the columns {expected}; missing: {missing} (found: {found}).</source>
        <translation>La première ligne doit nommer les colonnes {expected} ; manquantes : {missing} (trouvées : {found}).</translation>
    </message>
    <message>
        <location filename="../domain/catalogue.py" line="177"/>
        <source>The file lists the same tool more than once (lines): {names}.</source>
        <translation>Le fichier cite le même outil plusieurs fois (lignes) : {names}.</translation>
    </message>
    <message>
        <location filename="../domain/catalogue.py" line="182"/>
        <source>The file has a header but no tool.</source>
        <translation>Le fichier a une ligne d'en-tête mais aucun outil.</translation>
    </message>
    <message>
        <location filename="../boards/paper.py" line="28"/>
        <source>Unknown paper size {paper}.</source>
        <translation>Format de papier inconnu : {paper}.</translation>
    </message>
    <message>
        <location filename="../boards/paper.py" line="30"/>
        <source>Unknown orientation {orientation}.</source>
        <translation>Orientation inconnue : {orientation}.</translation>
    </message>
    <message>
        <location filename="../boards/source.py" line="74"/>
        <source>No dossier is open: build or open a dossier first.</source>
        <translation>Aucun dossier n'est ouvert : créez ou ouvrez d'abord un dossier.</translation>
    </message>
    <message>
        <location filename="../services/server/pg_sync.py" line="310"/>
        <source>The dossier {path} does not exist.</source>
        <translation>Le dossier {path} n'existe pas.</translation>
    </message>
    <message>
        <location filename="../boards/source.py" line="80"/>
        <source>The dossier {path} has no groups yet: create the groups first.</source>
        <translation>Le dossier {path} n'a pas encore de groupes : créez d'abord les groupes.</translation>
    </message>
    <message>
        <location filename="../services/toolbox/catalogue.py" line="91"/>
        <source>Cannot write the toolbox into {path}: {error}</source>
        <translation>Impossible d'écrire la boîte à outils dans {path} : {error}</translation>
    </message>
    <message>
        <location filename="../services/toolbox/enjeux.py" line="272"/>
        <source>This tool is no longer in the catalogue.</source>
        <translation>Cet outil n'est plus dans le catalogue.</translation>
    </message>
    <message>
        <location filename="../services/toolbox/catalogue.py" line="236"/>
        <source>Cannot write {path}: {error}</source>
        <translation>Impossible d'écrire {path} : {error}</translation>
    </message>
    <message>
        <location filename="../services/toolbox/catalogue.py" line="255"/>
        <source>Cannot read {path}: {error}</source>
        <translation>Impossible de lire {path} : {error}</translation>
    </message>
    <message>
        <location filename="../services/dossier/dossier_project.py" line="77"/>
        <source>Commune</source>
        <translation>Commune</translation>
    </message>
    <message>
        <location filename="../services/dossier/dossier_project.py" line="78"/>
        <source>Neighbouring communes</source>
        <translation>Communes voisines</translation>
    </message>
    <message>
        <location filename="../services/dossier/dossier_project.py" line="79"/>
        <source>Study area</source>
        <translation>Périmètre d'étude</translation>
    </message>
    <message>
        <location filename="../services/dossier/dossier_project.py" line="91"/>
        <source>Clipped from the source {source} on {date} for the commune {insee}.</source>
        <translation>Découpage de la source {source} du {date} pour la commune {insee}.</translation>
    </message>
    <message>
        <location filename="../services/dossier/dossier_project.py" line="182"/>
        <source>Workshop dossier: {name} ({insee})</source>
        <translation>Dossier de l'atelier : {name} ({insee})</translation>
    </message>
    <message>
        <location filename="../styles/dossier_styles.py" line="49"/>
        <source>Context</source>
        <translation>Contexte</translation>
    </message>
    <message>
        <location filename="../styles/dossier_styles.py" line="50"/>
        <source>Urban planning</source>
        <translation>Urbanisme</translation>
    </message>
    <message>
        <location filename="../styles/dossier_styles.py" line="51"/>
        <source>Land</source>
        <translation>Foncier</translation>
    </message>
    <message>
        <location filename="../styles/dossier_styles.py" line="52"/>
        <source>Heritage</source>
        <translation>Patrimoine</translation>
    </message>
    <message>
        <location filename="../styles/dossier_styles.py" line="53"/>
        <source>Environment</source>
        <translation>Environnement</translation>
    </message>
    <message>
        <location filename="../styles/dossier_styles.py" line="54"/>
        <source>Risks</source>
        <translation>Risques</translation>
    </message>
    <message>
        <location filename="../styles/dossier_styles.py" line="55"/>
        <source>Mobility</source>
        <translation>Mobilité</translation>
    </message>
    <message>
        <location filename="../styles/dossier_styles.py" line="56"/>
        <source>Base map</source>
        <translation>Fonds de plan</translation>
    </message>
    <message>
        <location filename="../styles/dossier_styles.py" line="57"/>
        <source>Online basemaps</source>
        <translation>Fonds en ligne</translation>
    </message>
    <message>
        <location filename="../services/groups.py" line="56"/>
        <source>The dossier must be a GeoPackage (.gpkg): {path}</source>
        <translation>Le dossier doit être un GeoPackage (.gpkg) : {path}</translation>
    </message>
    <message>
        <location filename="../services/groups.py" line="60"/>
        <source>The folder of {path} does not exist.</source>
        <translation>Le dossier parent de {path} n'existe pas.</translation>
    </message>
    <message>
        <location filename="../services/groups.py" line="126"/>
        <source>Nothing was drawn.</source>
        <translation>Rien n'a été dessiné.</translation>
    </message>
    <message>
        <location filename="../services/groups.py" line="129"/>
        <source>A line needs at least two different points.</source>
        <translation>Une ligne doit comporter au moins deux points différents.</translation>
    </message>
    <message>
        <location filename="../services/groups.py" line="152"/>
        <source>An area needs at least three points that are not aligned.</source>
        <translation>Une surface doit comporter au moins trois points non alignés.</translation>
    </message>
    <message>
        <location filename="../services/groups.py" line="156"/>
        <source>The outline crosses itself, which makes several separate areas. Draw it again without crossing its own edge.</source>
        <translation>Le contour se recoupe, ce qui forme plusieurs surfaces séparées. Redessinez-le sans recouper son propre tracé.</translation>
    </message>
    <message>
        <location filename="../services/groups.py" line="133"/>
        <source>The outline crossed itself; it was repaired.</source>
        <translation>Le contour se recoupait ; il a été réparé.</translation>
    </message>
    <message>
        <location filename="../services/groups.py" line="141"/>
        <source>Draw one piece at a time.</source>
        <translation>Dessinez une seule partie à la fois.</translation>
    </message>
    <message>
        <location filename="../services/route.py" line="294"/>
        <source>The layer {layer} cannot be edited.</source>
        <translation>La couche {layer} n'est pas modifiable.</translation>
    </message>
    <message>
        <location filename="../services/groups.py" line="192"/>
        <source>Add a feature</source>
        <translation>Ajouter une entité</translation>
    </message>
    <message>
        <location filename="../services/groups.py" line="196"/>
        <source>The feature could not be added to {layer}.</source>
        <translation>L'entité n'a pas pu être ajoutée à {layer}.</translation>
    </message>
    <message>
        <location filename="../services/groups.py" line="206"/>
        <source>Draw on {layer}</source>
        <translation>Dessiner sur {layer}</translation>
    </message>
    <message>
        <location filename="../services/dossier/online_layers.py" line="124"/>
        <source>PLU zoning (Géoportail de l'urbanisme, {insee})</source>
        <translation>Zonage du PLU (Géoportail de l'urbanisme, {insee})</translation>
    </message>
    <message>
        <location filename="../services/dossier/online_layers.py" line="125"/>
        <source>Flood risk plans (Géorisques)</source>
        <translation>Plans de prévention du risque inondation (Géorisques)</translation>
    </message>
    <message>
        <location filename="../services/dossier/online_layers.py" line="126"/>
        <source>Clay shrink-swell hazard (Géorisques)</source>
        <translation>Aléa retrait-gonflement des argiles (Géorisques)</translation>
    </message>
    <message>
        <location filename="../services/dossier/online_layers.py" line="127"/>
        <source>Cadastre (IGN)</source>
        <translation>Cadastre (IGN)</translation>
    </message>
    <message>
        <location filename="../services/dossier/online_layers.py" line="128"/>
        <source>Plan IGN</source>
        <translation>Plan IGN</translation>
    </message>
    <message>
        <location filename="../services/dossier/online_layers.py" line="129"/>
        <source>Orthophoto (IGN)</source>
        <translation>Orthophotographie (IGN)</translation>
    </message>
    <message>
        <location filename="../services/photos/photo_files.py" line="32"/>
        <source>Photos need a GeoPackage dossier (a folder to copy them into): {dossier}</source>
        <translation>Les photos nécessitent un dossier GeoPackage (un répertoire où les copier) : {dossier}</translation>
    </message>
    <message>
        <location filename="../services/photos/photo_files.py" line="56"/>
        <source>The photo folder {path} does not exist.</source>
        <translation>Le dossier de photos {path} n'existe pas.</translation>
    </message>
    <message>
        <location filename="../services/photos/photos.py" line="161"/>
        <source>HEIC/HEIF photo: this QGIS cannot read its position nor its image</source>
        <translation>Photo HEIC/HEIF : cette version de QGIS ne peut lire ni sa position ni son image</translation>
    </message>
    <message>
        <location filename="../services/photos/photos.py" line="165"/>
        <source>not a readable image (damaged or unsupported format)</source>
        <translation>image illisible (fichier endommagé ou format non pris en charge)</translation>
    </message>
    <message>
        <location filename="../services/photos/photos.py" line="167"/>
        <source>no readable EXIF metadata</source>
        <translation>aucune métadonnée EXIF lisible</translation>
    </message>
    <message>
        <location filename="../services/photos/photos.py" line="169"/>
        <source>no GPS position in the EXIF metadata</source>
        <translation>aucune position GPS dans les métadonnées EXIF</translation>
    </message>
    <message>
        <location filename="../services/photos/photos.py" line="204"/>
        <source>The group {group} does not exist in this dossier (groups: {groups}).</source>
        <translation>Le groupe {group} n'existe pas dans ce dossier (groupes : {groups}).</translation>
    </message>
    <message>
        <location filename="../services/photos/photos.py" line="308"/>
        <source>file not found</source>
        <translation>fichier introuvable</translation>
    </message>
    <message>
        <location filename="../services/photos/photos.py" line="317"/>
        <source>taken outside the study perimeter ({lat:.5f}, {lon:.5f})</source>
        <translation>prise hors du périmètre d'étude ({lat:.5f}, {lon:.5f})</translation>
    </message>
    <message>
        <location filename="../services/photos/photos.py" line="384"/>
        <source>Cannot write the observations into {path}: {error}</source>
        <translation>Impossible d'écrire les observations dans {path} : {error}</translation>
    </message>
    <message>
        <location filename="../services/photos/photos.py" line="372"/>
        <source>The photo {path} does not exist.</source>
        <translation>La photo {path} n'existe pas.</translation>
    </message>
    <message>
        <location filename="../processing/import_photos.py" line="24"/>
        <source>Each geotagged photo of the folder becomes an observation of the group, copied under DCIM/&lt;group&gt;/ next to the dossier and attached to the nearest stop within the tolerance. Photos without GPS, outside the study perimeter or unreadable are counted and listed in the log, not imported. Importing the same photos again adds nothing.</source>
        <translation>Chaque photo géolocalisée du répertoire devient une observation du groupe, copiée sous DCIM/&lt;groupe&gt;/ à côté du dossier et rattachée à l'arrêt le plus proche dans la limite de la tolérance. Les photos sans GPS, hors du périmètre d'étude ou illisibles sont comptées et listées dans le journal, sans être importées. Importer de nouveau les mêmes photos n'ajoute rien.</translation>
    </message>
    <message>
        <location filename="../processing/publish_dossier.py" line="34"/>
        <source>Dossier (GeoPackage)</source>
        <translation>Dossier (GeoPackage)</translation>
    </message>
    <message>
        <location filename="../processing/order_stops.py" line="32"/>
        <source>Group</source>
        <translation>Groupe</translation>
    </message>
    <message>
        <location filename="../processing/import_photos.py" line="35"/>
        <source>Photo folder</source>
        <translation>Dossier de photos</translation>
    </message>
    <message>
        <location filename="../processing/import_photos.py" line="38"/>
        <source>Distance to attach a photo to a stop (m)</source>
        <translation>Distance de rattachement d'une photo à un arrêt (m)</translation>
    </message>
    <message>
        <location filename="../processing/import_photos.py" line="47"/>
        <source>Photos imported</source>
        <translation>Photos importées</translation>
    </message>
    <message>
        <location filename="../processing/import_photos.py" line="47"/>
        <source>Photos without GPS position</source>
        <translation>Photos sans position GPS</translation>
    </message>
    <message>
        <location filename="../processing/import_photos.py" line="47"/>
        <source>Photos outside the study perimeter</source>
        <translation>Photos hors du périmètre d'étude</translation>
    </message>
    <message>
        <location filename="../processing/import_photos.py" line="47"/>
        <source>Unreadable files</source>
        <translation>Fichiers illisibles</translation>
    </message>
    <message>
        <location filename="../processing/import_photos.py" line="47"/>
        <source>Photos already imported</source>
        <translation>Photos déjà importées</translation>
    </message>
    <message>
        <location filename="../services/photos/photos_summary.py" line="110"/>
        <source>Without GPS position</source>
        <translation>Sans position GPS</translation>
    </message>
    <message>
        <location filename="../services/photos/photos_summary.py" line="110"/>
        <source>Outside the study perimeter</source>
        <translation>Hors du périmètre d'étude</translation>
    </message>
    <message>
        <location filename="../services/photos/photos_summary.py" line="110"/>
        <source>Unreadable</source>
        <translation>Illisibles</translation>
    </message>
    <message>
        <location filename="../processing/import_photos.py" line="72"/>
        <source>{imported} imported, {no_gps} without GPS, {outside} outside the perimeter, {unreadable} unreadable, {already} already imported.</source>
        <translation>{imported} importées, {no_gps} sans GPS, {outside} hors du périmètre, {unreadable} illisibles, {already} déjà importées.</translation>
    </message>
    <message>
        <location filename="../processing/synthesis.py" line="23"/>
        <source>Overlays the candidate project sites of every group. Each output polygon carries n_groupes (how many groups chose that place) and groupes (their names): polygons with 2 groups or more are where groups converge.</source>
        <translation>Superpose les sites de projet de tous les groupes. Chaque polygone en sortie porte n_groupes (le nombre de groupes ayant choisi ce lieu) et groupes (leurs noms) : les polygones à 2 groupes ou plus sont les lieux où les groupes convergent.</translation>
    </message>
    <message>
        <location filename="../processing/synthesis.py" line="30"/>
        <source>Dossier (GeoPackage or pg:connection/schema)</source>
        <translation>Dossier (GeoPackage ou pg:connexion/schéma)</translation>
    </message>
    <message>
        <location filename="../processing/synthesis.py" line="33"/>
        <source>Convergence</source>
        <translation>Convergence</translation>
    </message>
    <message>
        <location filename="../processing/synthesis.py" line="39"/>
        <source>Reading the candidate sites of every group…</source>
        <translation>Lecture des sites de projet de tous les groupes…</translation>
    </message>
    <message>
        <location filename="../processing/synthesis.py" line="63"/>
        <source>{n} pieces, {shared} shared by two groups or more.</source>
        <translation>{n} portions, {shared} partagées par deux groupes ou plus.</translation>
    </message>
    <message>
        <location filename="../boards/atlas.py" line="122"/>
        <source>No stop placed for this group yet.</source>
        <translation>Aucun arrêt placé pour ce groupe pour l'instant.</translation>
    </message>
    <message>
        <location filename="../boards/atlas.py" line="123"/>
        <source>No stop yet: the atlas has no page to show.</source>
        <translation>Pas encore d'arrêt : l'atlas n'a aucune page à afficher.</translation>
    </message>
    <message>
        <location filename="../styles/photo_style.py" line="90"/>
        <source>Stop</source>
        <translation>Arrêt</translation>
    </message>
    <message>
        <location filename="../boards/atlas.py" line="143"/>
        <source>planned at</source>
        <translation>prévu à</translation>
    </message>
    <message>
        <location filename="../boards/group_boards.py" line="175"/>
        <source>Photo not found: {path}</source>
        <translation>Photo introuvable : {path}</translation>
    </message>
    <message>
        <location filename="../boards/atlas.py" line="95"/>
        <source>No photo for this stop.</source>
        <translation>Aucune photo pour cet arrêt.</translation>
    </message>
    <message>
        <location filename="../boards/base.py" line="34"/>
        <source>Field map</source>
        <translation>Carte de terrain</translation>
    </message>
    <message>
        <location filename="../boards/base.py" line="36"/>
        <source>Restitution</source>
        <translation>Restitution</translation>
    </message>
    <message>
        <location filename="../boards/base.py" line="37"/>
        <source>Atlas of stops</source>
        <translation>Atlas des arrêts</translation>
    </message>
    <message>
        <location filename="../gui/proposal_widget.py" line="156"/>
        <source>Support proposal</source>
        <translation>Proposition d'accompagnement</translation>
    </message>
    <message>
        <location filename="../boards/base.py" line="108"/>
        <source>All groups</source>
        <translation>Tous les groupes</translation>
    </message>
    <message>
        <location filename="../boards/base.py" line="120"/>
        <source>(continued)</source>
        <translation>(suite)</translation>
    </message>
    <message>
        <location filename="../boards/base.py" line="124"/>
        <source>Page</source>
        <translation>Page</translation>
    </message>
    <message>
        <location filename="../boards/base.py" line="162"/>
        <source>Legend</source>
        <translation>Légende</translation>
    </message>
    <message>
        <location filename="../forms/forms.py" line="69"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../boards/credits.py" line="118"/>
        <source>Sources: {sources}</source>
        <translation>Sources : {sources}</translation>
    </message>
    <message>
        <location filename="../boards/credits.py" line="119"/>
        <source>workshop data drawn by the groups</source>
        <translation>données de l'atelier dessinées par les groupes</translation>
    </message>
    <message>
        <location filename="../boards/credits.py" line="120"/>
        <source>made with QGIS and the Atelier territorial plugin</source>
        <translation>réalisé avec QGIS et l'extension Atelier territorial</translation>
    </message>
    <message>
        <location filename="../forms/forms.py" line="65"/>
        <source>No.</source>
        <translation>N°</translation>
    </message>
    <message>
        <location filename="../gui/enjeu_dialog.py" line="77"/>
        <source>Theme</source>
        <translation>Thème</translation>
    </message>
    <message>
        <location filename="../boards/group_boards.py" line="61"/>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <location filename="../boards/group_boards.py" line="61"/>
        <source>Min</source>
        <translation>Min</translation>
    </message>
    <message>
        <location filename="../boards/group_boards.py" line="63"/>
        <source>No route drawn for this group yet.</source>
        <translation>Aucun parcours dessiné pour ce groupe pour l'instant.</translation>
    </message>
    <message>
        <location filename="../boards/group_boards.py" line="90"/>
        <source>No diagnostic drawn for this group yet.</source>
        <translation>Aucun diagnostic dessiné pour ce groupe pour l'instant.</translation>
    </message>
    <message>
        <location filename="../gui/toolbox_dialog.py" line="147"/>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <location filename="../boards/group_boards.py" line="91"/>
        <source>Observation</source>
        <translation>Observation</translation>
    </message>
    <message>
        <location filename="../boards/group_boards.py" line="111"/>
        <source>site: {site}</source>
        <translation>site : {site}</translation>
    </message>
    <message>
        <location filename="../gui/enjeu_dialog.py" line="76"/>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <location filename="../gui/enjeu_dialog.py" line="75"/>
        <source>Issue</source>
        <translation>Enjeu</translation>
    </message>
    <message>
        <location filename="../boards/group_boards.py" line="137"/>
        <source>Tools</source>
        <translation>Outils</translation>
    </message>
    <message>
        <location filename="../boards/group_boards.py" line="157"/>
        <source>No photo attached to the stops yet.</source>
        <translation>Aucune photo rattachée aux arrêts pour l'instant.</translation>
    </message>
    <message>
        <location filename="../boards/group_boards.py" line="195"/>
        <source>Tools and why</source>
        <translation>Outils et pourquoi</translation>
    </message>
    <message>
        <location filename="../services/field/field_package.py" line="126"/>
        <source>Stops</source>
        <translation>Arrêts</translation>
    </message>
    <message>
        <location filename="../services/field/field_package.py" line="131"/>
        <source>Route</source>
        <translation>Parcours</translation>
    </message>
    <message>
        <location filename="../services/field/field_package.py" line="130"/>
        <source>Sequences</source>
        <translation>Séquences</translation>
    </message>
    <message>
        <location filename="../boards/layers.py" line="49"/>
        <source>Candidate sites</source>
        <translation>Sites de projet</translation>
    </message>
    <message>
        <location filename="../boards/layers.py" line="50"/>
        <source>Hypotheses</source>
        <translation>Hypothèses</translation>
    </message>
    <message>
        <location filename="../boards/layers.py" line="52"/>
        <source>Issues</source>
        <translation>Enjeux</translation>
    </message>
    <message>
        <location filename="../boards/layers.py" line="77"/>
        <source>Boards (layers of the printed boards)</source>
        <translation>Planches (couches des planches imprimées)</translation>
    </message>
    <message>
        <location filename="../boards/synthese.py" line="39"/>
        <source>Three groups or more</source>
        <translation>Trois groupes ou plus</translation>
    </message>
    <message>
        <location filename="../boards/synthese.py" line="39"/>
        <source>Two groups</source>
        <translation>Deux groupes</translation>
    </message>
    <message>
        <location filename="../boards/synthese.py" line="53"/>
        <source>groups</source>
        <translation>groupes</translation>
    </message>
    <message>
        <location filename="../gui/steps/boards.py" line="67"/>
        <source>Where groups converge</source>
        <translation>Convergences entre les groupes</translation>
    </message>
    <message>
        <location filename="../boards/synthese.py" line="104"/>
        <source>Which groups</source>
        <translation>Groupes concernés</translation>
    </message>
    <message>
        <location filename="../boards/synthese.py" line="107"/>
        <source>No candidate site drawn by any group yet.</source>
        <translation>Aucun groupe n'a encore dessiné de site de projet.</translation>
    </message>
    <message>
        <location filename="../services/dossier/dossier.py" line="41"/>
        <source>The output folder {folder} is read-only: choose another folder.</source>
        <translation>Le dossier de sortie {folder} est en lecture seule : choisissez un autre dossier.</translation>
    </message>
    <message>
        <location filename="../services/dossier/dossier.py" line="51"/>
        <source>The output folder {folder} is a file, not a folder.</source>
        <translation>Le dossier de sortie {folder} est un fichier, pas un dossier.</translation>
    </message>
    <message>
        <location filename="../services/dossier/dossier.py" line="66"/>
        <source>The folder {folder} already holds a dossier for {insee} ({files}). Choose another folder or tick Overwrite to replace it.</source>
        <translation>Le dossier {folder} contient déjà un dossier cartographique pour {insee} ({files}). Choisissez un autre dossier ou cochez « Écraser » pour le remplacer.</translation>
    </message>
    <message>
        <location filename="../services/dossier/dossier.py" line="99"/>
        <source>The source {layer} cannot be read as a vector layer.</source>
        <translation>La source {layer} ne peut pas être lue comme une couche vecteur.</translation>
    </message>
    <message>
        <location filename="../services/dossier/dossier.py" line="104"/>
        <source>The source {layer} has no geometry: skipped.</source>
        <translation>La source {layer} n'a pas de géométrie : ignorée.</translation>
    </message>
    <message>
        <location filename="../services/dossier/dossier.py" line="108"/>
        <source>The source {layer} is empty: skipped.</source>
        <translation>La source {layer} est vide : ignorée.</translation>
    </message>
    <message>
        <location filename="../services/dossier/dossier.py" line="200"/>
        <source>Give the INSEE code of the commune.</source>
        <translation>Indiquez le code INSEE de la commune.</translation>
    </message>
    <message>
        <location filename="../services/dossier/dossier.py" line="203"/>
        <source>The buffer must be between 0 and 50,000 m (got {buffer}).</source>
        <translation>La zone tampon doit être comprise entre 0 et 50 000 m (valeur reçue : {buffer}).</translation>
    </message>
    <message>
        <location filename="../services/dossier/dossier.py" line="209"/>
        <source>Finding the commune {code}…</source>
        <translation>Recherche de la commune {code}…</translation>
    </message>
    <message>
        <location filename="../services/dossier/dossier.py" line="277"/>
        <source>Moving the dossier in place…</source>
        <translation>Mise en place du dossier…</translation>
    </message>
    <message>
        <location filename="../services/dossier/dossier.py" line="289"/>
        <source>Dossier ready: {path}</source>
        <translation>Dossier prêt : {path}</translation>
    </message>
    <message>
        <location filename="../services/dossier/dossier_copy.py" line="115"/>
        <source>Writing the commune…</source>
        <translation>Écriture de la commune…</translation>
    </message>
    <message>
        <location filename="../services/dossier/dossier_copy.py" line="162"/>
        <source>Clipping {layer}…</source>
        <translation>Découpage de {layer}…</translation>
    </message>
    <message>
        <location filename="../services/dossier/dossier_copy.py" line="194"/>
        <source>{layer}: {n} invalid geometries repaired.</source>
        <translation>{layer} : {n} géométries non valides réparées.</translation>
    </message>
    <message>
        <location filename="../services/dossier/dossier_copy.py" line="200"/>
        <source>{layer}: {n} invalid geometries could not be repaired and were left out.</source>
        <translation>{layer} : {n} géométries non valides n'ont pas pu être réparées et ont été écartées.</translation>
    </message>
    <message>
        <location filename="../services/dossier/dossier_copy.py" line="206"/>
        <source>{layer}: no feature inside the study area.</source>
        <translation>{layer} : aucune entité dans le périmètre d'étude.</translation>
    </message>
    <message>
        <location filename="../services/dossier/dossier.py" line="255"/>
        <source>Styling and writing the project…</source>
        <translation>Application des styles et écriture du projet…</translation>
    </message>
    <message>
        <location filename="../services/dossier/dossier.py" line="267"/>
        <source>{n} online layers are unreachable now (offline?): kept in the project.</source>
        <translation>{n} couches en ligne sont inaccessibles pour l'instant (hors ligne ?) : conservées dans le projet.</translation>
    </message>
    <message>
        <location filename="../services/toolbox/enjeux.py" line="51"/>
        <source>Cannot write into {path}: {error}</source>
        <translation>Impossible d'écrire dans {path} : {error}</translation>
    </message>
    <message>
        <location filename="../services/toolbox/enjeux.py" line="75"/>
        <source>An issue needs a title.</source>
        <translation>Un enjeu doit avoir un intitulé.</translation>
    </message>
    <message>
        <location filename="../services/toolbox/enjeux.py" line="144"/>
        <source>The candidate site of this issue no longer exists.</source>
        <translation>Le site de projet de cet enjeu n'existe plus.</translation>
    </message>
    <message>
        <location filename="../services/toolbox/enjeux.py" line="121"/>
        <source>This issue no longer exists.</source>
        <translation>Cet enjeu n'existe plus.</translation>
    </message>
    <message>
        <location filename="../services/toolbox/enjeux.py" line="240"/>
        <source>Site {fid}</source>
        <translation>Site {fid}</translation>
    </message>
    <message>
        <location filename="../services/toolbox/enjeux_project.py" line="62"/>
        <source>Toolbox</source>
        <translation>Boîte à outils</translation>
    </message>
    <message>
        <location filename="../services/toolbox/enjeux_project.py" line="54"/>
        <source>Issue tools</source>
        <translation>Outils des enjeux</translation>
    </message>
    <message>
        <location filename="../services/field/field_package.py" line="208"/>
        <source>Field package — {group}</source>
        <translation>Paquet terrain — {group}</translation>
    </message>
    <message>
        <location filename="../services/field/field_package.py" line="213"/>
        <source>Dossier (read only)</source>
        <translation>Dossier (lecture seule)</translation>
    </message>
    <message>
        <location filename="../services/field/field_package.py" line="216"/>
        <source>Field work — {group}</source>
        <translation>Travail de terrain — {group}</translation>
    </message>
    <message>
        <location filename="../services/field/field_package.py" line="228"/>
        <source>Offline basemap</source>
        <translation>Fond de plan hors ligne</translation>
    </message>
    <message>
        <location filename="../services/server/pg_project.py" line="168"/>
        <source>Cannot write the project {path}: {error}</source>
        <translation>Impossible d'écrire le projet {path} : {error}</translation>
    </message>
    <message>
        <location filename="../services/field/field_package.py" line="365"/>
        <source>{path} is not a field package.</source>
        <translation>{path} n'est pas un paquet terrain.</translation>
    </message>
    <message>
        <location filename="../forms/forms.py" line="63"/>
        <source>Identifier</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <location filename="../gui/toolbox_dialog.py" line="147"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../forms/forms.py" line="68"/>
        <source>Time at the stop (min)</source>
        <translation>Temps à l'arrêt (min)</translation>
    </message>
    <message>
        <location filename="../forms/forms.py" line="70"/>
        <source>Distance along the route (m)</source>
        <translation>Distance le long du parcours (m)</translation>
    </message>
    <message>
        <location filename="../forms/forms.py" line="71"/>
        <source>Distance from the route (m)</source>
        <translation>Distance au parcours (m)</translation>
    </message>
    <message>
        <location filename="../forms/forms.py" line="72"/>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location filename="../forms/forms.py" line="73"/>
        <source>Speed (km/h)</source>
        <translation>Vitesse (km/h)</translation>
    </message>
    <message>
        <location filename="../forms/forms.py" line="74"/>
        <source>Atmosphere</source>
        <translation>Ambiance</translation>
    </message>
    <message>
        <location filename="../forms/forms.py" line="75"/>
        <source>Character</source>
        <translation>Caractère</translation>
    </message>
    <message>
        <location filename="../forms/forms.py" line="76"/>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <location filename="../styles/photo_style.py" line="90"/>
        <source>Photo</source>
        <translation>Photo</translation>
    </message>
    <message>
        <location filename="../forms/forms.py" line="79"/>
        <source>Taken on</source>
        <translation>Prise le</translation>
    </message>
    <message>
        <location filename="../forms/forms.py" line="80"/>
        <source>Bearing (°)</source>
        <translation>Azimut (°)</translation>
    </message>
    <message>
        <location filename="../forms/forms.py" line="81"/>
        <source>Raised by</source>
        <translation>Origine</translation>
    </message>
    <message>
        <location filename="../forms/forms.py" line="82"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../gui/enjeu_dialog.py" line="79"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../forms/forms.py" line="85"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../forms/forms.py" line="87"/>
        <source>Project site</source>
        <translation>Site de projet</translation>
    </message>
    <message>
        <location filename="../forms/forms.py" line="174"/>
        <source>A stop needs a name, so that everyone finds it on the field map.</source>
        <translation>Un arrêt doit avoir un nom, pour que chacun le retrouve sur la carte de terrain.</translation>
    </message>
    <message>
        <location filename="../forms/forms.py" line="194"/>
        <source>Discovery route</source>
        <translation>Parcours de découverte</translation>
    </message>
    <message>
        <location filename="../forms/forms.py" line="199"/>
        <source>Write the hypothesis in a sentence: what you expect to see here.</source>
        <translation>Formulez l'hypothèse en une phrase : ce que vous vous attendez à voir ici.</translation>
    </message>
    <message>
        <location filename="../forms/forms.py" line="210"/>
        <source>Give the site a short name (for example “friche rue de Neuville”).</source>
        <translation>Donnez un nom court au site (par exemple « friche rue de Neuville »).</translation>
    </message>
    <message>
        <location filename="../forms/forms.py" line="225"/>
        <source>Say whether it is a strength, a weakness, an opportunity or a threat.</source>
        <translation>Indiquez s'il s'agit d'un atout, d'une faiblesse, d'une opportunité ou d'une menace.</translation>
    </message>
    <message>
        <location filename="../services/field/merge.py" line="101"/>
        <source>{path} is not a one-group field package (groups: {groups}).</source>
        <translation>{path} n'est pas un paquet terrain d'un seul groupe (groupes : {groups}).</translation>
    </message>
    <message>
        <location filename="../store/pg_conflicts.py" line="162"/>
        <source>Someone else changed this feature of {table} (number {fid}) since you started: reload it and apply your change again.</source>
        <translation>Quelqu'un d'autre a modifié cette entité de {table} (numéro {fid}) depuis que vous avez commencé : rechargez-la et appliquez de nouveau votre modification.</translation>
    </message>
    <message>
        <location filename="../store/pg_conflicts.py" line="173"/>
        <source>The feature {fid} of {table} was deleted by someone else.</source>
        <translation>L'entité {fid} de {table} a été supprimée par quelqu'un d'autre.</translation>
    </message>
    <message>
        <location filename="../services/server/pg_fetch.py" line="222"/>
        <source>Cannot write the table {table}: {error}</source>
        <translation>Impossible d'écrire la table {table} : {error}</translation>
    </message>
    <message>
        <location filename="../services/server/pg_fetch.py" line="247"/>
        <source>{path} already exists: choose another file or confirm the replacement.</source>
        <translation>{path} existe déjà : choisissez un autre fichier ou confirmez le remplacement.</translation>
    </message>
    <message>
        <location filename="../services/server/pg_fetch.py" line="261"/>
        <source>There is no workshop {schema} on the server.</source>
        <translation>Il n'y a pas d'atelier {schema} sur le serveur.</translation>
    </message>
    <message>
        <location filename="../services/field/field_package.py" line="127"/>
        <source>Observations and photos</source>
        <translation>Observations et photos</translation>
    </message>
    <message>
        <location filename="../services/field/field_package.py" line="128"/>
        <source>Hypotheses (points)</source>
        <translation>Hypothèses (points)</translation>
    </message>
    <message>
        <location filename="../services/field/field_package.py" line="129"/>
        <source>Hypotheses (areas)</source>
        <translation>Hypothèses (surfaces)</translation>
    </message>
    <message>
        <location filename="../services/field/field_package.py" line="132"/>
        <source>Project sites</source>
        <translation>Sites de projet</translation>
    </message>
    <message>
        <location filename="../services/field/field_package.py" line="133"/>
        <source>Diagnostic (points)</source>
        <translation>Diagnostic (points)</translation>
    </message>
    <message>
        <location filename="../services/field/field_package.py" line="135"/>
        <source>Diagnostic (areas)</source>
        <translation>Diagnostic (surfaces)</translation>
    </message>
    <message>
        <location filename="../services/dossier/project_layers.py" line="49"/>
        <source>Issues (points)</source>
        <translation>Enjeux (points)</translation>
    </message>
    <message>
        <location filename="../services/dossier/project_layers.py" line="51"/>
        <source>Issues (areas)</source>
        <translation>Enjeux (surfaces)</translation>
    </message>
    <message>
        <location filename="../store/pg_layers.py" line="53"/>
        <source>The table {table} of the schema {schema} cannot be opened.</source>
        <translation>La table {table} du schéma {schema} ne peut pas être ouverte.</translation>
    </message>
    <message>
        <location filename="../services/server/pg_project.py" line="159"/>
        <source>Workshop {schema} (server)</source>
        <translation>Atelier {schema} (serveur)</translation>
    </message>
    <message>
        <location filename="../services/server/pg_sync.py" line="345"/>
        <source>The server refused the copy of the dossier into {schema}: {error}</source>
        <translation>Le serveur a refusé la copie du dossier dans {schema} : {error}</translation>
    </message>
    <message>
        <location filename="../services/server/pg_sync.py" line="381"/>
        <source>Cannot save the style {name}: {error}</source>
        <translation>Impossible d'enregistrer le style {name} : {error}</translation>
    </message>
    <message>
        <location filename="../styles/photo_style.py" line="58"/>
        <source>Images (*.jpg *.jpeg *.png *.tif *.tiff *.heic)</source>
        <translation>Images (*.jpg *.jpeg *.png *.tif *.tiff *.heic)</translation>
    </message>
    <message>
        <location filename="../styles/photo_style.py" line="90"/>
        <source>Date taken</source>
        <translation>Date de prise de vue</translation>
    </message>
    <message>
        <location filename="../styles/photo_style.py" line="90"/>
        <source>Direction (° from north)</source>
        <translation>Direction (° depuis le nord)</translation>
    </message>
    <message>
        <location filename="../styles/photo_style.py" line="90"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../styles/photo_style.py" line="143"/>
        <source>Photo with direction</source>
        <translation>Photo orientée</translation>
    </message>
    <message>
        <location filename="../styles/photo_style.py" line="146"/>
        <source>Photo or note</source>
        <translation>Photo ou note</translation>
    </message>
    <message>
        <location filename="../store/postgis.py" line="58"/>
        <source>The Python module psycopg2 is missing: install python3-psycopg2 (or psycopg2 with QGIS&apos;s pip) to work on a PostgreSQL server.</source>
        <translation>Le module Python psycopg2 est absent : installez python3-psycopg2 (ou psycopg2 avec le pip de QGIS) pour travailler sur un serveur PostgreSQL.</translation>
    </message>
    <message>
        <location filename="../store/postgis.py" line="87"/>
        <source>{dossier} is not a server workspace: write it pg:&lt;connection&gt;/&lt;schema&gt;.</source>
        <translation>{dossier} n'est pas un espace de travail sur serveur : écrivez-le pg:&lt;connexion&gt;/&lt;schéma&gt;.</translation>
    </message>
    <message>
        <location filename="../store/postgis.py" line="94"/>
        <source>Give the name of the PostgreSQL connection.</source>
        <translation>Indiquez le nom de la connexion PostgreSQL.</translation>
    </message>
    <message>
        <location filename="../store/postgis.py" line="100"/>
        <source>Give a schema name for the workshop.</source>
        <translation>Indiquez un nom de schéma pour l'atelier.</translation>
    </message>
    <message>
        <location filename="../store/postgis.py" line="102"/>
        <source>The schema name {name} is too long (63 bytes at most).</source>
        <translation>Le nom de schéma {name} est trop long (63 octets au plus).</translation>
    </message>
    <message>
        <location filename="../store/postgis.py" line="163"/>
        <source>The QGIS authentication database is locked: enter the master password to use the connection {connection}.</source>
        <translation>La base de données d'authentification de QGIS est verrouillée : saisissez le mot de passe principal pour utiliser la connexion {connection}.</translation>
    </message>
    <message>
        <location filename="../store/postgis.py" line="212"/>
        <source>The server refused the user name or password of the connection {connection}. Check the authentication configuration.</source>
        <translation>Le serveur a refusé le nom d'utilisateur ou le mot de passe de la connexion {connection}. Vérifiez la configuration d'authentification.</translation>
    </message>
    <message>
        <location filename="../store/postgis.py" line="220"/>
        <source>The database of the connection {connection} does not exist.</source>
        <translation>La base de données de la connexion {connection} n'existe pas.</translation>
    </message>
    <message>
        <location filename="../store/postgis.py" line="224"/>
        <source>Cannot reach the PostgreSQL server of {connection}: {error}</source>
        <translation>Impossible de joindre le serveur PostgreSQL de {connection} : {error}</translation>
    </message>
    <message>
        <location filename="../store/pg_schema.py" line="246"/>
        <source>PostGIS is not enabled in the database of {connection} and cannot be enabled with your rights: ask the administrator to run CREATE EXTENSION postgis.</source>
        <translation>PostGIS n'est pas activé dans la base de données de {connection} et ne peut pas l'être avec vos droits : demandez à l'administrateur d'exécuter CREATE EXTENSION postgis.</translation>
    </message>
    <message>
        <location filename="../store/postgis.py" line="292"/>
        <source>The server refused to create the workshop {schema}: {error}</source>
        <translation>Le serveur a refusé de créer l'atelier {schema} : {error}</translation>
    </message>
    <message>
        <location filename="../services/field/field_package.py" line="134"/>
        <source>Diagnostic (lines)</source>
        <translation>Diagnostic (lignes)</translation>
    </message>
    <message>
        <location filename="../services/dossier/project_layers.py" line="50"/>
        <source>Issues (lines)</source>
        <translation>Enjeux (lignes)</translation>
    </message>
    <message>
        <location filename="../services/dossier/project_layers.py" line="115"/>
        <source>Diagnostic and issues</source>
        <translation>Diagnostic et enjeux</translation>
    </message>
    <message>
        <location filename="../services/toolbox/proposal.py" line="32"/>
        <source>Imperative issues</source>
        <translation>Enjeux impératifs</translation>
    </message>
    <message>
        <location filename="../services/toolbox/proposal.py" line="33"/>
        <source>Important issues</source>
        <translation>Enjeux importants</translation>
    </message>
    <message>
        <location filename="../services/toolbox/proposal.py" line="34"/>
        <source>Issues to follow</source>
        <translation>Enjeux à suivre</translation>
    </message>
    <message>
        <location filename="../services/toolbox/proposal.py" line="48"/>
        <source>No issue has been written for this group yet.</source>
        <translation>Ce groupe n'a pas encore formulé d'enjeu.</translation>
    </message>
    <message>
        <location filename="../services/toolbox/proposal.py" line="75"/>
        <source>No tool chosen yet.</source>
        <translation>Aucun outil choisi pour l'instant.</translation>
    </message>
    <message>
        <location filename="../services/route.py" line="140"/>
        <source>The visit takes {total} min but the slot is {slot} min: shorten the route or the stops.</source>
        <translation>La visite dure {total} min mais le créneau est de {slot} min : raccourcissez le parcours ou les arrêts.</translation>
    </message>
    <message>
        <location filename="../services/route.py" line="189"/>
        <source>The stop numbers could not be written in {layer}.</source>
        <translation>Les numéros d'arrêt n'ont pas pu être écrits dans {layer}.</translation>
    </message>
    <message>
        <location filename="../services/server/pg_project.py" line="180"/>
        <source>There is no group named “{groupe}”.</source>
        <translation>Il n'y a aucun groupe nommé « {groupe} ».</translation>
    </message>
    <message>
        <location filename="../services/route.py" line="235"/>
        <source>No route has been drawn for the group “{groupe}” yet.</source>
        <translation>Aucun parcours n'a encore été dessiné pour le groupe « {groupe} ».</translation>
    </message>
    <message>
        <location filename="../gui/group_dialog.py" line="25"/>
        <source>Create the groups</source>
        <translation>Créer les groupes</translation>
    </message>
    <message>
        <location filename="../gui/group_dialog.py" line="26"/>
        <source>One line per group: its name, its colour on the maps and the architect or landscape architect who advises it. Existing groups are kept.</source>
        <translation>Une ligne par groupe : son nom, sa couleur sur les cartes et l'architecte-conseil ou le paysagiste-conseil qui l'accompagne. Les groupes existants sont conservés.</translation>
    </message>
    <message>
        <location filename="../gui/group_dialog.py" line="32"/>
        <source>Colour</source>
        <translation>Couleur</translation>
    </message>
    <message>
        <location filename="../gui/group_dialog.py" line="32"/>
        <source>Adviser</source>
        <translation>Conseiller</translation>
    </message>
    <message>
        <location filename="../gui/group_dialog.py" line="33"/>
        <source>Add a group</source>
        <translation>Ajouter un groupe</translation>
    </message>
    <message>
        <location filename="../gui/group_dialog.py" line="34"/>
        <source>Remove the line</source>
        <translation>Supprimer la ligne</translation>
    </message>
    <message>
        <location filename="../gui/group_dialog.py" line="35"/>
        <source>Visit slot (min):</source>
        <translation>Créneau de visite (min) :</translation>
    </message>
    <message>
        <location filename="../gui/group_dialog.py" line="54"/>
        <source>Group {n}</source>
        <translation>Groupe {n}</translation>
    </message>
    <message>
        <location filename="../gui/steps/groups.py" line="29"/>
        <source>Create the drawing tables in the dossier and one set of layers per group</source>
        <translation>Créer les tables de dessin dans le dossier et un jeu de couches par groupe</translation>
    </message>
    <message>
        <location filename="../gui/steps/groups.py" line="35"/>
        <source>Remove one group and everything it drew (asks first)</source>
        <translation>Supprimer un groupe et tout ce qu'il a dessiné (avec confirmation)</translation>
    </message>
    <message>
        <location filename="../gui/steps/groups.py" line="49"/>
        <source>Open or build a dossier first.</source>
        <translation>Ouvrez ou créez d'abord un dossier.</translation>
    </message>
    <message>
        <location filename="../gui/steps/groups.py" line="51"/>
        <source>This step works on a GeoPackage dossier.</source>
        <translation>Cette étape fonctionne sur un dossier GeoPackage.</translation>
    </message>
    <message>
        <location filename="../gui/steps/groups.py" line="121"/>
        <source>Delete a group</source>
        <translation>Supprimer un groupe</translation>
    </message>
    <message>
        <location filename="../gui/steps/groups.py" line="62"/>
        <source>Group to delete:</source>
        <translation>Groupe à supprimer :</translation>
    </message>
    <message>
        <location filename="../gui/steps/groups.py" line="100"/>
        <source>{count} groups ready: {names}.</source>
        <translation>{count} groupes prêts : {names}.</translation>
    </message>
    <message>
        <location filename="../gui/steps/groups.py" line="111"/>
        <source>There is no group in this dossier yet.</source>
        <translation>Ce dossier ne contient encore aucun groupe.</translation>
    </message>
    <message>
        <location filename="../gui/steps/route.py" line="46"/>
        <source>Click along the streets, right click to finish</source>
        <translation>Cliquez le long des rues, clic droit pour terminer</translation>
    </message>
    <message>
        <location filename="../gui/steps/route.py" line="50"/>
        <source>Click where the group stops; its form opens</source>
        <translation>Cliquez là où le groupe s'arrête ; son formulaire s'ouvre</translation>
    </message>
    <message>
        <location filename="../gui/steps/route.py" line="51"/>
        <source>A stretch of the route with one atmosphere</source>
        <translation>Un tronçon du parcours à l'ambiance homogène</translation>
    </message>
    <message>
        <location filename="../gui/steps/route.py" line="55"/>
        <source>Outline a candidate site, right click to finish</source>
        <translation>Délimiter un site de projet, clic droit pour terminer</translation>
    </message>
    <message>
        <location filename="../gui/steps/route.py" line="59"/>
        <source>Click where the hypothesis applies</source>
        <translation>Cliquez là où s'applique l'hypothèse</translation>
    </message>
    <message>
        <location filename="../gui/steps/route.py" line="69"/>
        <source>Number the stops in the order the route reaches them</source>
        <translation>Numéroter les arrêts dans l'ordre où le parcours les atteint</translation>
    </message>
    <message>
        <location filename="../gui/steps/route.py" line="93"/>
        <source>Route length:</source>
        <translation>Longueur du parcours :</translation>
    </message>
    <message>
        <location filename="../gui/steps/route.py" line="94"/>
        <source>Walking time:</source>
        <translation>Temps de marche :</translation>
    </message>
    <message>
        <location filename="../gui/steps/route.py" line="95"/>
        <source>Time at the stops:</source>
        <translation>Temps aux arrêts :</translation>
    </message>
    <message>
        <location filename="../gui/steps/route.py" line="96"/>
        <source>Total:</source>
        <translation>Total :</translation>
    </message>
    <message>
        <location filename="../gui/steps/route.py" line="97"/>
        <source>Visit slot:</source>
        <translation>Créneau de visite :</translation>
    </message>
    <message>
        <location filename="../gui/steps/route.py" line="285"/>
        <source>Create the groups first, then pick the active group.</source>
        <translation>Créez d'abord les groupes, puis choisissez le groupe actif.</translation>
    </message>
    <message>
        <location filename="../gui/steps/route.py" line="195"/>
        <source>{km} km</source>
        <translation>{km} km</translation>
    </message>
    <message>
        <location filename="../gui/steps/route.py" line="199"/>
        <source>{min} min at {speed} km/h</source>
        <translation>{min} min à {speed} km/h</translation>
    </message>
    <message>
        <location filename="../gui/steps/route.py" line="202"/>
        <source>{min} min ({count} stops)</source>
        <translation>{min} min ({count} arrêts)</translation>
    </message>
    <message>
        <location filename="../gui/steps/route.py" line="205"/>
        <source>{total} min of {slot} min</source>
        <translation>{total} min sur {slot} min</translation>
    </message>
    <message>
        <location filename="../gui/steps/route.py" line="209"/>
        <source>No route yet: draw it with “Draw the route”.</source>
        <translation>Pas encore de parcours : tracez-le avec « Tracer le parcours ».</translation>
    </message>
    <message>
        <location filename="../gui/steps/route.py" line="211"/>
        <source>It fits: {margin} min to spare.</source>
        <translation>Ça tient : {margin} min de marge.</translation>
    </message>
    <message>
        <location filename="../gui/steps/route.py" line="243"/>
        <source>{count} stops numbered along {km} km.</source>
        <translation>{count} arrêts numérotés sur {km} km.</translation>
    </message>
    <message>
        <location filename="../processing/build_dossier.py" line="33"/>
        <source>Builds the cartographic dossier of one commune: a GeoPackage (commune, neighbouring communes, study area = commune + buffer, every source clipped to the study area in Lambert-93, styles) and a QGIS project grouped by theme. Only features inside the study area are read. Online IGN and Géorisques layers are added when asked; they stay in the project even offline. An existing dossier of the same commune is only replaced with Overwrite.</source>
        <translation>Crée le dossier cartographique d'une commune : un GeoPackage (commune, communes voisines, périmètre d'étude = commune + zone tampon, chaque source découpée sur le périmètre d'étude en Lambert-93, styles) et un projet QGIS organisé par thème. Seules les entités situées dans le périmètre d'étude sont lues. Les couches en ligne IGN et Géorisques sont ajoutées sur demande ; elles restent dans le projet même hors ligne. Un dossier existant de la même commune n'est remplacé qu'avec l'option Écraser.</translation>
    </message>
    <message>
        <location filename="../processing/build_dossier.py" line="43"/>
        <source>Communes layer</source>
        <translation>Couche des communes</translation>
    </message>
    <message>
        <location filename="../processing/build_dossier.py" line="48"/>
        <source>INSEE code</source>
        <translation>Code INSEE</translation>
    </message>
    <message>
        <location filename="../processing/build_dossier.py" line="49"/>
        <source>INSEE code field (detected when empty)</source>
        <translation>Champ du code INSEE (détecté si vide)</translation>
    </message>
    <message>
        <location filename="../processing/build_dossier.py" line="57"/>
        <source>Buffer around the commune (m)</source>
        <translation>Zone tampon autour de la commune (m)</translation>
    </message>
    <message>
        <location filename="../processing/build_dossier.py" line="67"/>
        <source>Source layers to clip</source>
        <translation>Couches sources à découper</translation>
    </message>
    <message>
        <location filename="../processing/build_dossier.py" line="75"/>
        <source>Add online layers (IGN, Géorisques)</source>
        <translation>Ajouter les couches en ligne (IGN, Géorisques)</translation>
    </message>
    <message>
        <location filename="../processing/build_dossier.py" line="80"/>
        <source>Overwrite an existing dossier of this commune</source>
        <translation>Écraser un dossier existant de cette commune</translation>
    </message>
    <message>
        <location filename="../processing/export_field_package.py" line="42"/>
        <source>Output folder</source>
        <translation>Dossier de sortie</translation>
    </message>
    <message>
        <location filename="../processing/build_dossier.py" line="88"/>
        <source>Dossier GeoPackage</source>
        <translation>GeoPackage du dossier</translation>
    </message>
    <message>
        <location filename="../processing/build_dossier.py" line="89"/>
        <source>Dossier project</source>
        <translation>Projet du dossier</translation>
    </message>
    <message>
        <location filename="../processing/build_dossier.py" line="90"/>
        <source>Commune name</source>
        <translation>Nom de la commune</translation>
    </message>
    <message>
        <location filename="../processing/build_dossier.py" line="91"/>
        <source>Commune area (km²)</source>
        <translation>Superficie de la commune (km²)</translation>
    </message>
    <message>
        <location filename="../processing/build_dossier.py" line="189"/>
        <source>{name}: {area:.2f} km², {n} neighbouring communes.</source>
        <translation>{name} : {area:.2f} km², {n} communes voisines.</translation>
    </message>
    <message>
        <location filename="../processing/build_dossier.py" line="195"/>
        <source>{layer}: {written} features kept.</source>
        <translation>{layer} : {written} entités conservées.</translation>
    </message>
    <message>
        <location filename="../processing/create_groups.py" line="23"/>
        <source>Creates the workspace tables (route, stops, sequences, hypotheses, observations, project sites, diagnostic, issues…) in the dossier and registers the groups. Group names are separated by semicolons. Existing tables and drawings are kept.</source>
        <translation>Crée les tables de l'espace de travail (parcours, arrêts, séquences, hypothèses, observations, sites de projet, diagnostic, enjeux…) dans le dossier et enregistre les groupes. Les noms des groupes sont séparés par des points-virgules. Les tables et les dessins existants sont conservés.</translation>
    </message>
    <message>
        <location filename="../processing/fetch_dossier.py" line="45"/>
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../processing/create_groups.py" line="35"/>
        <source>Groups (names separated by ;)</source>
        <translation>Groupes (noms séparés par ;)</translation>
    </message>
    <message>
        <location filename="../processing/create_groups.py" line="41"/>
        <source>Tables of the workspace</source>
        <translation>Tables de l'espace de travail</translation>
    </message>
    <message>
        <location filename="../processing/create_groups.py" line="55"/>
        <source>Groups: {names}</source>
        <translation>Groupes : {names}</translation>
    </message>
    <message>
        <location filename="../processing/export_field_package.py" line="31"/>
        <source>Writes a folder to copy to a phone or tablet (QField, Mergin Maps): a GeoPackage with the group&apos;s editable layers and the dossier&apos;s layers (read only), a project with relative paths and photo forms, the group&apos;s photos under DCIM/ and an offline basemap (MBTiles) rendered from the dossier&apos;s own layers. An existing package is never overwritten.</source>
        <translation>Écrit un dossier à copier sur un téléphone ou une tablette (QField, Mergin Maps) : un GeoPackage avec les couches modifiables du groupe et les couches du dossier (en lecture seule), un projet en chemins relatifs avec des formulaires photo, les photos du groupe dans DCIM/ et un fond de plan hors ligne (MBTiles) rendu à partir des couches du dossier lui-même. Un paquet existant n'est jamais écrasé.</translation>
    </message>
    <message>
        <location filename="../processing/export_field_package.py" line="45"/>
        <source>Render an offline basemap (MBTiles)</source>
        <translation>Générer un fond de plan hors ligne (MBTiles)</translation>
    </message>
    <message>
        <location filename="../processing/export_field_package.py" line="48"/>
        <source>Basemap maximum zoom level</source>
        <translation>Niveau de zoom maximal du fond de plan</translation>
    </message>
    <message>
        <location filename="../processing/export_field_package.py" line="58"/>
        <source>Field package</source>
        <translation>Paquet terrain</translation>
    </message>
    <message>
        <location filename="../processing/export_field_package.py" line="59"/>
        <source>Field project</source>
        <translation>Projet terrain</translation>
    </message>
    <message>
        <location filename="../processing/export_field_package.py" line="99"/>
        <source>Field package written to {path}</source>
        <translation>Paquet terrain écrit dans {path}</translation>
    </message>
    <message>
        <location filename="../processing/order_stops.py" line="24"/>
        <source>Numbers the group&apos;s stops in the order the route reaches them, measures the route (ellipsoidal length), and compares walking time plus time at the stops with the visit slot. Stops far from the route are kept and reported.</source>
        <translation>Numérote les arrêts du groupe dans l'ordre où le parcours les atteint, mesure le parcours (longueur ellipsoïdale) et compare le temps de marche augmenté du temps passé aux arrêts au créneau de visite. Les arrêts éloignés du parcours sont conservés et signalés.</translation>
    </message>
    <message>
        <location filename="../processing/order_stops.py" line="33"/>
        <source>Visit slot (minutes)</source>
        <translation>Créneau de visite (minutes)</translation>
    </message>
    <message>
        <location filename="../processing/order_stops.py" line="44"/>
        <source>Route length (m)</source>
        <translation>Longueur du parcours (m)</translation>
    </message>
    <message>
        <location filename="../processing/order_stops.py" line="45"/>
        <source>Walking time (min)</source>
        <translation>Temps de marche (min)</translation>
    </message>
    <message>
        <location filename="../processing/order_stops.py" line="46"/>
        <source>Total time with stops (min)</source>
        <translation>Temps total avec les arrêts (min)</translation>
    </message>
    <message>
        <location filename="../processing/order_stops.py" line="47"/>
        <source>Fits in the slot</source>
        <translation>Tient dans le créneau</translation>
    </message>
    <message>
        <location filename="../processing/order_stops.py" line="58"/>
        <source>{count} stops, {length} m, {total} min for a slot of {slot} min.</source>
        <translation>{count} arrêts, {length} m, {total} min pour un créneau de {slot} min.</translation>
    </message>
    <message>
        <location filename="../boards/engine.py" line="83"/>
        <source>Unknown format {fmt}: use pdf or png.</source>
        <translation>Format inconnu : {fmt} ; utilisez pdf ou png.</translation>
    </message>
    <message>
        <location filename="../boards/engine.py" line="85"/>
        <source>The resolution must be between 36 and 1200 dpi.</source>
        <translation>La résolution doit être comprise entre 36 et 1200 ppp.</translation>
    </message>
    <message>
        <location filename="../boards/engine.py" line="88"/>
        <source>Unknown board type {boards}: use {known}.</source>
        <translation>Type de planche inconnu : {boards} ; utilisez {known}.</translation>
    </message>
    <message>
        <location filename="../boards/engine.py" line="149"/>
        <source>The board {path} could not be exported. {error}</source>
        <translation>La planche {path} n'a pas pu être exportée. {error}</translation>
    </message>
    <message>
        <location filename="../boards/engine.py" line="201"/>
        <source>Cannot write into the folder {path}: {error}. Choose a folder you can write to.</source>
        <translation>Impossible d'écrire dans le répertoire {path} : {error}. Choisissez un répertoire accessible en écriture.</translation>
    </message>
    <message>
        <location filename="../boards/engine.py" line="270"/>
        <source>Board {i}/{n}: {name}</source>
        <translation>Planche {i}/{n} : {name}</translation>
    </message>
    <message>
        <location filename="../boards/engine.py" line="295"/>
        <source>Export cancelled: no board was written.</source>
        <translation>Export annulé : aucune planche n'a été écrite.</translation>
    </message>
    <message>
        <location filename="../boards/engine.py" line="297"/>
        <source>Cannot write the boards into {path}: {error}</source>
        <translation>Impossible d'écrire les planches dans {path} : {error}</translation>
    </message>
    <message>
        <location filename="../boards/layers.py" line="56"/>
        <source>points</source>
        <translation>points</translation>
    </message>
    <message>
        <location filename="../boards/layers.py" line="56"/>
        <source>lines</source>
        <translation>lignes</translation>
    </message>
    <message>
        <location filename="../boards/layers.py" line="56"/>
        <source>areas</source>
        <translation>surfaces</translation>
    </message>
    <message>
        <location filename="../boards/layers.py" line="57"/>
        <source>{layer} ({kind})</source>
        <translation>{layer} ({kind})</translation>
    </message>
    <message>
        <location filename="../boards/layers.py" line="261"/>
        <source>Buildings</source>
        <translation>Bâtiments</translation>
    </message>
    <message>
        <location filename="../boards/layers.py" line="262"/>
        <source>Roads</source>
        <translation>Routes</translation>
    </message>
    <message>
        <location filename="../boards/layers.py" line="263"/>
        <source>Streams and water</source>
        <translation>Cours d'eau et plans d'eau</translation>
    </message>
    <message>
        <location filename="../boards/layers.py" line="264"/>
        <source>Cadastral parcels</source>
        <translation>Parcelles cadastrales</translation>
    </message>
    <message>
        <location filename="../services/dossier/dossier_open.py" line="47"/>
        <source>The GeoPackage {path} is not a commune dossier (no commune table).</source>
        <translation>Le GeoPackage {path} n'est pas un dossier communal (aucune table commune).</translation>
    </message>
    <message>
        <location filename="../gui/build_dossier_dialog.py" line="101"/>
        <source>Clips every source to the commune plus a buffer, reprojects to Lambert-93, styles the layers and groups them by theme in a project. Only the features inside the study area are read.</source>
        <translation>Découpe chaque source sur la commune augmentée d'une zone tampon, la reprojette en Lambert-93, applique un style aux couches et les regroupe par thème dans un projet. Seules les entités situées dans le périmètre d'étude sont lues.</translation>
    </message>
    <message>
        <location filename="../gui/build_dossier_dialog.py" line="110"/>
        <source>…or a file</source>
        <translation>…ou un fichier</translation>
    </message>
    <message>
        <location filename="../gui/build_dossier_dialog.py" line="111"/>
        <source>INSEE code field</source>
        <translation>Champ du code INSEE</translation>
    </message>
    <message>
        <location filename="../gui/build_dossier_dialog.py" line="113"/>
        <source>Buffer</source>
        <translation>Zone tampon</translation>
    </message>
    <message>
        <location filename="../gui/build_dossier_dialog.py" line="114"/>
        <source>Sources to clip</source>
        <translation>Sources à découper</translation>
    </message>
    <message>
        <location filename="../gui/build_dossier_dialog.py" line="115"/>
        <source>Add files…</source>
        <translation>Ajouter des fichiers…</translation>
    </message>
    <message>
        <location filename="../gui/build_dossier_dialog.py" line="116"/>
        <source>Tick all</source>
        <translation>Tout cocher</translation>
    </message>
    <message>
        <location filename="../gui/build_dossier_dialog.py" line="117"/>
        <source>Output</source>
        <translation>Sortie</translation>
    </message>
    <message>
        <location filename="../gui/build_dossier_dialog.py" line="119"/>
        <source>Add the online layers (Plan IGN, orthophoto, cadastre, PLU, Géorisques)</source>
        <translation>Ajouter les couches en ligne (Plan IGN, orthophotographie, cadastre, PLU, Géorisques)</translation>
    </message>
    <message>
        <location filename="../gui/build_dossier_dialog.py" line="123"/>
        <source>Open the dossier when it is built</source>
        <translation>Ouvrir le dossier une fois créé</translation>
    </message>
    <message>
        <location filename="../gui/build_dossier_dialog.py" line="129"/>
        <source>Empty: detected among code, insee, INSEE_COM, code_insee…</source>
        <translation>Vide : détecté parmi code, insee, INSEE_COM, code_insee…</translation>
    </message>
    <message>
        <location filename="../gui/build_dossier_dialog.py" line="142"/>
        <source>Build</source>
        <translation>Créer</translation>
    </message>
    <message>
        <location filename="../gui/toolbox_dialog.py" line="99"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../gui/build_dossier_dialog.py" line="244"/>
        <source>The file {path} cannot be read.</source>
        <translation>Le fichier {path} ne peut pas être lu.</translation>
    </message>
    <message>
        <location filename="../gui/build_dossier_dialog.py" line="234"/>
        <source>Source layers</source>
        <translation>Couches sources</translation>
    </message>
    <message>
        <location filename="../gui/build_dossier_dialog.py" line="295"/>
        <source>Choose the communes layer.</source>
        <translation>Choisissez la couche des communes.</translation>
    </message>
    <message>
        <location filename="../gui/build_dossier_dialog.py" line="301"/>
        <source>Choose the output folder.</source>
        <translation>Choisissez le répertoire de sortie.</translation>
    </message>
    <message>
        <location filename="../gui/build_dossier_dialog.py" line="305"/>
        <source>The Processing provider of the plugin is not loaded.</source>
        <translation>Le fournisseur de traitements de l'extension n'est pas chargé.</translation>
    </message>
    <message>
        <location filename="../gui/build_dossier_dialog.py" line="320"/>
        <source>Dossier of {code}</source>
        <translation>Dossier de {code}</translation>
    </message>
    <message>
        <location filename="../gui/build_dossier_dialog.py" line="329"/>
        <source>Building the dossier…</source>
        <translation>Création du dossier…</translation>
    </message>
    <message>
        <location filename="../gui/build_dossier_dialog.py" line="354"/>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <location filename="../gui/steps/dossier.py" line="85"/>
        <source>Dossier built: {path}</source>
        <translation>Dossier créé : {path}</translation>
    </message>
    <message>
        <location filename="../gui/build_dossier_dialog.py" line="382"/>
        <source>Cancelled: nothing was written.</source>
        <translation>Annulé : rien n'a été écrit.</translation>
    </message>
    <message>
        <location filename="../gui/build_dossier_dialog.py" line="386"/>
        <source>The dossier could not be built.</source>
        <translation>Le dossier n'a pas pu être créé.</translation>
    </message>
    <message>
        <location filename="../gui/enjeu_dialog.py" line="51"/>
        <source>Issue of {group}</source>
        <translation>Enjeu — {group}</translation>
    </message>
    <message>
        <location filename="../gui/enjeu_dialog.py" line="69"/>
        <source>No site</source>
        <translation>Aucun site</translation>
    </message>
    <message>
        <location filename="../gui/enjeu_dialog.py" line="78"/>
        <source>Candidate site</source>
        <translation>Site de projet</translation>
    </message>
    <message>
        <location filename="../gui/enjeu_dialog.py" line="82"/>
        <source>Tools to answer it</source>
        <translation>Outils pour y répondre</translation>
    </message>
    <message>
        <location filename="../gui/enjeu_dialog.py" line="88"/>
        <source>Search the toolbox…</source>
        <translation>Chercher dans la boîte à outils…</translation>
    </message>
    <message>
        <location filename="../gui/enjeu_dialog.py" line="102"/>
        <source>Add the selected tool</source>
        <translation>Ajouter l'outil sélectionné</translation>
    </message>
    <message>
        <location filename="../gui/enjeu_dialog.py" line="105"/>
        <source>Remove the selected tool</source>
        <translation>Retirer l'outil sélectionné</translation>
    </message>
    <message>
        <location filename="../gui/enjeu_dialog.py" line="111"/>
        <source>Chosen tools and why (double-click to write):</source>
        <translation>Outils choisis et pourquoi (double-clic pour écrire) :</translation>
    </message>
    <message>
        <location filename="../gui/enjeu_dialog.py" line="114"/>
        <source>Tool</source>
        <translation>Outil</translation>
    </message>
    <message>
        <location filename="../gui/enjeu_dialog.py" line="114"/>
        <source>Why</source>
        <translation>Pourquoi</translation>
    </message>
    <message>
        <location filename="../gui/photo_actions.py" line="64"/>
        <source>A photo is attached to the nearest stop within this distance</source>
        <translation>Une photo est rattachée à l'arrêt le plus proche situé à moins de cette distance</translation>
    </message>
    <message>
        <location filename="../gui/photo_actions.py" line="67"/>
        <source>Attach to a stop within:</source>
        <translation>Rattacher à un arrêt situé à moins de :</translation>
    </message>
    <message>
        <location filename="../gui/photo_actions.py" line="72"/>
        <source>A folder of photos…</source>
        <translation>Un répertoire de photos…</translation>
    </message>
    <message>
        <location filename="../gui/photo_actions.py" line="73"/>
        <source>Selected photos…</source>
        <translation>Photos choisies…</translation>
    </message>
    <message>
        <location filename="../gui/photo_actions.py" line="275"/>
        <source>Open or build a dossier first (step 1).</source>
        <translation>Ouvrez ou créez d'abord un dossier (étape 1).</translation>
    </message>
    <message>
        <location filename="../gui/photo_actions.py" line="84"/>
        <source>Choose the active group first (step 2).</source>
        <translation>Choisissez d'abord le groupe actif (étape 2).</translation>
    </message>
    <message>
        <location filename="../gui/photo_actions.py" line="90"/>
        <source>Please wait: the previous photo task is still running.</source>
        <translation>Veuillez patienter : la tâche photo précédente est encore en cours.</translation>
    </message>
    <message>
        <location filename="../gui/photo_actions.py" line="97"/>
        <source>Folder of the group&apos;s photos</source>
        <translation>Dossier des photos du groupe</translation>
    </message>
    <message>
        <location filename="../gui/photo_actions.py" line="107"/>
        <source>Photos of the group</source>
        <translation>Photos du groupe</translation>
    </message>
    <message>
        <location filename="../gui/photo_actions.py" line="107"/>
        <source>Photos (*.jpg *.jpeg *.JPG *.JPEG *.heic *.HEIC *.tif *.tiff *.png)</source>
        <translation>Photos (*.jpg *.jpeg *.JPG *.JPEG *.heic *.HEIC *.tif *.tiff *.png)</translation>
    </message>
    <message>
        <location filename="../gui/photo_actions.py" line="126"/>
        <source>Importing photos</source>
        <translation>Import des photos</translation>
    </message>
    <message>
        <location filename="../gui/photo_actions.py" line="247"/>
        <source>Where to write the field package</source>
        <translation>Où écrire le paquet terrain</translation>
    </message>
    <message>
        <location filename="../gui/photo_actions.py" line="257"/>
        <source>Field package of {group} written to &lt;a href=&quot;{url}&quot;&gt;{path}&lt;/a&gt;</source>
        <translation>Paquet terrain de {group} écrit dans &lt;a href=&quot;{url}&quot;&gt;{path}&lt;/a&gt;</translation>
    </message>
    <message>
        <location filename="../gui/photo_actions.py" line="264"/>
        <source>Exporting the field package of {group}</source>
        <translation>Export du paquet terrain de {group}</translation>
    </message>
    <message>
        <location filename="../gui/photo_actions.py" line="277"/>
        <source>Field package to bring back</source>
        <translation>Paquet terrain à réintégrer</translation>
    </message>
    <message>
        <location filename="../gui/place_photos_dialog.py" line="60"/>
        <source>Photos without position — {group}</source>
        <translation>Photos sans position — {group}</translation>
    </message>
    <message>
        <location filename="../gui/place_photos_dialog.py" line="62"/>
        <source>These photos have no GPS position. Select one, press “Place on the map” and click where it was taken.</source>
        <translation>Ces photos n'ont pas de position GPS. Sélectionnez-en une, appuyez sur « Placer sur la carte » et cliquez à l'endroit où elle a été prise.</translation>
    </message>
    <message>
        <location filename="../gui/place_photos_dialog.py" line="81"/>
        <source>Place on the map</source>
        <translation>Placer sur la carte</translation>
    </message>
    <message>
        <location filename="../gui/place_photos_dialog.py" line="135"/>
        <source>Every photo has been placed.</source>
        <translation>Toutes les photos ont été placées.</translation>
    </message>
    <message>
        <location filename="../gui/proposal_widget.py" line="45"/>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <location filename="../gui/proposal_widget.py" line="48"/>
        <source>Export as PDF…</source>
        <translation>Exporter en PDF…</translation>
    </message>
    <message>
        <location filename="../gui/proposal_widget.py" line="50"/>
        <source>The &apos;proposition&apos; board of the group, as PDF</source>
        <translation>La planche « proposition » du groupe, en PDF</translation>
    </message>
    <message>
        <location filename="../gui/proposal_widget.py" line="54"/>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <location filename="../gui/proposal_widget.py" line="55"/>
        <source>Copy the proposal (to paste into a report or a mail)</source>
        <translation>Copier la proposition (pour la coller dans un rapport ou un courriel)</translation>
    </message>
    <message>
        <location filename="../gui/proposal_widget.py" line="97"/>
        <source>Open a dossier and create the groups first.</source>
        <translation>Ouvrez d'abord un dossier et créez les groupes.</translation>
    </message>
    <message>
        <location filename="../gui/proposal_widget.py" line="128"/>
        <source>Folder for the PDF</source>
        <translation>Dossier du PDF</translation>
    </message>
    <message>
        <location filename="../gui/proposal_widget.py" line="148"/>
        <source>Proposal exported: {files}</source>
        <translation>Proposition exportée : {files}</translation>
    </message>
    <message>
        <location filename="../processing/publish_dossier.py" line="21"/>
        <source>Publish the dossier on the server</source>
        <translation>Publier le dossier sur le serveur</translation>
    </message>
    <message>
        <location filename="../gui/server_dialog.py" line="50"/>
        <source>Fetch to local</source>
        <translation>Rapatrier en local</translation>
    </message>
    <message>
        <location filename="../gui/server_dialog.py" line="53"/>
        <source>Every group works on the same PostgreSQL/PostGIS schema from its own laptop; the facilitator sees everyone&apos;s work. The password stays in QGIS&apos;s authentication database, never in the project.</source>
        <translation>Chaque groupe travaille sur le même schéma PostgreSQL/PostGIS depuis son propre ordinateur portable ; l'animateur voit le travail de tous. Le mot de passe reste dans la base d'authentification de QGIS, jamais dans le projet.</translation>
    </message>
    <message>
        <location filename="../gui/server_dialog.py" line="53"/>
        <source>Copy the workshop from the server into a GeoPackage, to work offline.</source>
        <translation>Copiez l'atelier du serveur dans un GeoPackage pour travailler hors ligne.</translation>
    </message>
    <message>
        <location filename="../gui/server_dialog.py" line="62"/>
        <source>Existing QGIS connection</source>
        <translation>Connexion QGIS existante</translation>
    </message>
    <message>
        <location filename="../gui/server_dialog.py" line="63"/>
        <source>New connection</source>
        <translation>Nouvelle connexion</translation>
    </message>
    <message>
        <location filename="../gui/server_dialog.py" line="64"/>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <location filename="../gui/server_dialog.py" line="65"/>
        <source>Host:</source>
        <translation>Hôte :</translation>
    </message>
    <message>
        <location filename="../gui/server_dialog.py" line="66"/>
        <source>Port:</source>
        <translation>Port :</translation>
    </message>
    <message>
        <location filename="../gui/server_dialog.py" line="67"/>
        <source>Database:</source>
        <translation>Base de données :</translation>
    </message>
    <message>
        <location filename="../gui/server_dialog.py" line="68"/>
        <source>Workshop schema:</source>
        <translation>Schéma de l'atelier :</translation>
    </message>
    <message>
        <location filename="../gui/server_dialog.py" line="69"/>
        <source>GeoPackage:</source>
        <translation>GeoPackage :</translation>
    </message>
    <message>
        <location filename="../gui/server_dialog.py" line="109"/>
        <source>Give the connection a name and a database.</source>
        <translation>Donnez un nom et une base de données à la connexion.</translation>
    </message>
    <message>
        <location filename="../gui/server_dialog.py" line="111"/>
        <source>Choose or create an authentication configuration for the password.</source>
        <translation>Choisissez ou créez une configuration d'authentification pour le mot de passe.</translation>
    </message>
    <message>
        <location filename="../gui/server_dialog.py" line="133"/>
        <source>Choose the GeoPackage.</source>
        <translation>Choisissez le GeoPackage.</translation>
    </message>
    <message>
        <location filename="../gui/steps/diagnostic.py" line="41"/>
        <source>A point (a place, a building)</source>
        <translation>Un point (un lieu, un bâtiment)</translation>
    </message>
    <message>
        <location filename="../gui/steps/diagnostic.py" line="41"/>
        <source>A line (a flow, a pressure, a link)</source>
        <translation>Une ligne (un flux, une pression, un lien)</translation>
    </message>
    <message>
        <location filename="../gui/steps/diagnostic.py" line="41"/>
        <source>An area (a sector, a zone)</source>
        <translation>Une surface (un secteur, une zone)</translation>
    </message>
    <message>
        <location filename="../gui/steps/diagnostic.py" line="47"/>
        <source>Draw:</source>
        <translation>Dessiner :</translation>
    </message>
    <message>
        <location filename="../gui/steps/diagnostic.py" line="49"/>
        <source>Click on the map (right click ends a line or an area); the form opens after.</source>
        <translation>Cliquez sur la carte (clic droit pour finir une ligne ou une surface) ; le formulaire s'ouvre ensuite.</translation>
    </message>
    <message>
        <location filename="../gui/steps/diagnostic.py" line="57"/>
        <source>Diagnostic map style</source>
        <translation>Style de carte de diagnostic</translation>
    </message>
    <message>
        <location filename="../gui/steps/diagnostic.py" line="57"/>
        <source>Colours by category, pictograms by theme, hatches and arrows</source>
        <translation>Couleurs par catégorie, pictogrammes par thème, hachures et flèches</translation>
    </message>
    <message>
        <location filename="../gui/steps/diagnostic.py" line="93"/>
        <source>{group}: {counts}</source>
        <translation>{group} : {counts}</translation>
    </message>
    <message>
        <location filename="../gui/steps/dossier.py" line="58"/>
        <source>Clip the sources to a commune, style them and group them by theme in a project</source>
        <translation>Découper les sources sur une commune, leur appliquer un style et les regrouper par thème dans un projet</translation>
    </message>
    <message>
        <location filename="../gui/steps/dossier.py" line="64"/>
        <source>Open a dossier project (.qgz) or its GeoPackage, zoomed on the commune</source>
        <translation>Ouvrir le projet d'un dossier (.qgz) ou son GeoPackage, zoomé sur la commune</translation>
    </message>
    <message>
        <location filename="../gui/steps/dossier.py" line="92"/>
        <source>Open a dossier</source>
        <translation>Ouvrir un dossier</translation>
    </message>
    <message>
        <location filename="../gui/steps/dossier.py" line="92"/>
        <source>Dossier (*.qgz *.qgs *.gpkg)</source>
        <translation>Dossier (*.qgz *.qgs *.gpkg)</translation>
    </message>
    <message>
        <location filename="../gui/steps/dossier.py" line="118"/>
        <source>Dossier opened: {path}</source>
        <translation>Dossier ouvert : {path}</translation>
    </message>
    <message>
        <location filename="../gui/steps/dossier.py" line="124"/>
        <source>The file {path} does not exist.</source>
        <translation>Le fichier {path} n'existe pas.</translation>
    </message>
    <message>
        <location filename="../gui/steps/dossier.py" line="153"/>
        <source>The GeoPackage {path} holds no dossier layer.</source>
        <translation>Le GeoPackage {path} ne contient aucune couche de dossier.</translation>
    </message>
    <message>
        <location filename="../gui/steps/dossier.py" line="159"/>
        <source>Choose a dossier project (.qgz) or GeoPackage (.gpkg), not {path}.</source>
        <translation>Choisissez un projet de dossier (.qgz) ou un GeoPackage (.gpkg), et non {path}.</translation>
    </message>
    <message>
        <location filename="../gui/steps/enjeux.py" line="42"/>
        <source>Search, add, edit, import or export the support tools</source>
        <translation>Chercher, ajouter, modifier, importer ou exporter les outils d'accompagnement</translation>
    </message>
    <message>
        <location filename="../gui/steps/enjeux.py" line="48"/>
        <source>An issue of the active group, its level, its site and its tools</source>
        <translation>Un enjeu du groupe actif, son niveau, son site et ses outils</translation>
    </message>
    <message>
        <location filename="../gui/steps/enjeux.py" line="62"/>
        <source>Edit the issue…</source>
        <translation>Modifier l'enjeu…</translation>
    </message>
    <message>
        <location filename="../gui/steps/enjeux.py" line="243"/>
        <source>Delete the issue</source>
        <translation>Supprimer l'enjeu</translation>
    </message>
    <message>
        <location filename="../gui/steps/enjeux.py" line="94"/>
        <source>The proposal of each group: issues by level, each with its tools</source>
        <translation>La proposition de chaque groupe : les enjeux par niveau, chacun avec ses outils</translation>
    </message>
    <message>
        <location filename="../gui/steps/enjeux.py" line="173"/>
        <source>{level} — {title} ({n} tools)</source>
        <translation>{level} — {title} ({n} outil(s))</translation>
    </message>
    <message>
        <location filename="../gui/steps/enjeux.py" line="202"/>
        <source>Open a dossier first.</source>
        <translation>Ouvrez d'abord un dossier.</translation>
    </message>
    <message>
        <location filename="../gui/steps/enjeux.py" line="232"/>
        <source>Issue saved.</source>
        <translation>Enjeu enregistré.</translation>
    </message>
    <message>
        <location filename="../gui/steps/enjeux.py" line="243"/>
        <source>Delete this issue and its tool choices?</source>
        <translation>Supprimer cet enjeu et ses choix d'outils ?</translation>
    </message>
    <message>
        <location filename="../gui/steps/photos.py" line="32"/>
        <source>An offline folder for QField or Mergin Maps: the group&apos;s layers, photos, basemap</source>
        <translation>Un répertoire hors ligne pour QField ou Mergin Maps : couches du groupe, photos, fond de plan</translation>
    </message>
    <message>
        <location filename="../gui/steps/photos.py" line="38"/>
        <source>Bring back a field package…</source>
        <translation>Réintégrer un paquet terrain…</translation>
    </message>
    <message>
        <location filename="../gui/steps/photos.py" line="47"/>
        <source>Geotagged photos become observations attached to the nearest stop</source>
        <translation>Les photos géolocalisées deviennent des observations rattachées à l'arrêt le plus proche</translation>
    </message>
    <message>
        <location filename="../gui/toolbox_dialog.py" line="70"/>
        <source>Edit the tool</source>
        <translation>Modifier l'outil</translation>
    </message>
    <message>
        <location filename="../gui/toolbox_dialog.py" line="70"/>
        <source>Add a tool</source>
        <translation>Ajouter un outil</translation>
    </message>
    <message>
        <location filename="../gui/toolbox_dialog.py" line="88"/>
        <source>participant (leave empty for the DDTM catalogue)</source>
        <translation>participant (laisser vide pour le catalogue de la DDTM)</translation>
    </message>
    <message>
        <location filename="../gui/toolbox_dialog.py" line="91"/>
        <source>Description (one line)</source>
        <translation>Description (une ligne)</translation>
    </message>
    <message>
        <location filename="../gui/toolbox_dialog.py" line="147"/>
        <source>Carried by</source>
        <translation>Porteur</translation>
    </message>
    <message>
        <location filename="../gui/toolbox_dialog.py" line="147"/>
        <source>When it fits</source>
        <translation>Quand le mobiliser</translation>
    </message>
    <message>
        <location filename="../gui/toolbox_dialog.py" line="147"/>
        <source>Added by</source>
        <translation>Ajouté par</translation>
    </message>
    <message>
        <location filename="../gui/toolbox_dialog.py" line="132"/>
        <source>Toolbox of support tools</source>
        <translation>Boîte à outils de l'accompagnement</translation>
    </message>
    <message>
        <location filename="../gui/toolbox_dialog.py" line="133"/>
        <source>The DDTM catalogue of support tools, copied into this dossier. Participants can add their own during the workshop; export it as CSV to keep it for the next one.</source>
        <translation>Le catalogue des outils d'accompagnement de la DDTM, copié dans ce dossier. Les participants peuvent y ajouter les leurs pendant l'atelier ; exportez-le en CSV pour le garder pour le prochain.</translation>
    </message>
    <message>
        <location filename="../gui/toolbox_dialog.py" line="139"/>
        <source>Search a tool, a carrier, a moment…</source>
        <translation>Chercher un outil, un porteur, un moment…</translation>
    </message>
    <message>
        <location filename="../gui/toolbox_dialog.py" line="141"/>
        <source>Add…</source>
        <translation>Ajouter…</translation>
    </message>
    <message>
        <location filename="../gui/toolbox_dialog.py" line="142"/>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <location filename="../gui/toolbox_dialog.py" line="143"/>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../gui/toolbox_dialog.py" line="144"/>
        <source>Import CSV…</source>
        <translation>Importer un CSV…</translation>
    </message>
    <message>
        <location filename="../gui/toolbox_dialog.py" line="145"/>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <location filename="../gui/toolbox_dialog.py" line="196"/>
        <source>Export the toolbox</source>
        <translation>Exporter la boîte à outils</translation>
    </message>
    <message>
        <location filename="../gui/toolbox_dialog.py" line="196"/>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../gui/toolbox_dialog.py" line="200"/>
        <source>Import a toolbox</source>
        <translation>Importer une boîte à outils</translation>
    </message>
    <message>
        <location filename="../gui/toolbox_dialog.py" line="200"/>
        <source>CSV files (*.csv *.txt)</source>
        <translation>Fichiers CSV (*.csv *.txt)</translation>
    </message>
    <message>
        <location filename="../gui/toolbox_dialog.py" line="228"/>
        <source>All categories</source>
        <translation>Toutes les catégories</translation>
    </message>
    <message>
        <location filename="../gui/toolbox_dialog.py" line="243"/>
        <source>{shown} of {total} tools, {cats} categories</source>
        <translation>{shown} outils sur {total}, {cats} catégories</translation>
    </message>
    <message>
        <location filename="../gui/toolbox_dialog.py" line="267"/>
        <source> (added by {who})</source>
        <translation> (ajouté par {who})</translation>
    </message>
    <message>
        <location filename="../gui/toolbox_dialog.py" line="285"/>
        <source>“{name}” added to the toolbox.</source>
        <translation>« {name} » ajouté à la boîte à outils.</translation>
    </message>
    <message>
        <location filename="../gui/toolbox_dialog.py" line="313"/>
        <source>“{name}” is chosen for {n} issue(s):
{lines}

Remove it from the toolbox and from these issues?</source>
        <translation>« {name} » est choisi pour {n} enjeu(x) :
{lines}

Le retirer de la boîte à outils et de ces enjeux ?</translation>
    </message>
    <message>
        <location filename="../gui/toolbox_dialog.py" line="317"/>
        <source>Remove a tool in use</source>
        <translation>Supprimer un outil utilisé</translation>
    </message>
    <message>
        <location filename="../gui/toolbox_dialog.py" line="322"/>
        <source>Remove a tool</source>
        <translation>Supprimer un outil</translation>
    </message>
    <message>
        <location filename="../gui/toolbox_dialog.py" line="322"/>
        <source>Remove “{name}” from the toolbox?</source>
        <translation>Retirer « {name} » de la boîte à outils ?</translation>
    </message>
    <message>
        <location filename="../gui/toolbox_dialog.py" line="331"/>
        <source>“{name}” removed from the toolbox.</source>
        <translation>« {name} » retiré de la boîte à outils.</translation>
    </message>
    <message>
        <location filename="../gui/toolbox_dialog.py" line="341"/>
        <source>Nothing was imported: {error}</source>
        <translation>Rien n'a été importé : {error}</translation>
    </message>
    <message>
        <location filename="../gui/toolbox_dialog.py" line="344"/>
        <source>{added} tool(s) added, {updated} updated, {same} unchanged.</source>
        <translation>{added} outil(s) ajouté(s), {updated} mis à jour, {same} inchangé(s).</translation>
    </message>
    <message>
        <location filename="../gui/toolbox_dialog.py" line="362"/>
        <source>{count} tools exported to {path}.</source>
        <translation>{count} outils exportés dans {path}.</translation>
    </message>
    <message>
        <location filename="../processing/create_groups.py" line="30"/>
        <source>Dossier (GeoPackage, or pg:&lt;connection&gt;/&lt;schema&gt; on a server)</source>
        <translation>Dossier (GeoPackage, ou pg:&lt;connexion&gt;/&lt;schéma&gt; sur un serveur)</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="64"/>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../services/dossier/dossier.py" line="81"/>
        <source>Cannot create the output folder {folder}: {reason}</source>
        <translation>Impossible de créer le répertoire de sortie {folder} : {reason}</translation>
    </message>
    <message>
        <location filename="../services/dossier/dossier.py" line="170"/>
        <source>Cannot write the dossier in {folder}: {reason}</source>
        <translation>Impossible d'écrire le dossier dans {folder} : {reason}</translation>
    </message>
    <message>
        <location filename="../services/dossier/dossier_copy.py" line="187"/>
        <source>The source {layer} could not be clipped: {reason}</source>
        <translation>La source {layer} n'a pas pu être découpée : {reason}</translation>
    </message>
    <message>
        <location filename="../services/dossier/dossier_open.py" line="40"/>
        <source>The file {path} is not a readable GeoPackage: {reason}</source>
        <translation>Le fichier {path} n'est pas un GeoPackage lisible : {reason}</translation>
    </message>
    <message>
        <location filename="../services/dossier/dossier_project.py" line="225"/>
        <source>Cannot write the project {path}: {reason}</source>
        <translation>Impossible d'écrire le projet {path} : {reason}</translation>
    </message>
    <message>
        <location filename="../services/dossier/dossier_sources.py" line="293"/>
        <source>Cannot write the table {table} in {path}: {reason}</source>
        <translation>Impossible d'écrire la table {table} dans {path} : {reason}</translation>
    </message>
    <message>
        <location filename="../services/photos/photos.py" line="340"/>
        <source>Cannot copy a photo into {folder}: {error}</source>
        <translation>Impossible de copier une photo dans {folder} : {error}</translation>
    </message>
    <message>
        <location filename="../services/route.py" line="256"/>
        <source>At least two numbered stops are needed to follow the roads.</source>
        <translation>Il faut au moins deux arrêts numérotés pour suivre les voies.</translation>
    </message>
    <message>
        <location filename="../services/route.py" line="261"/>
        <source>The dossier has no road layer to follow.</source>
        <translation>Le dossier ne contient aucune couche de voirie à suivre.</translation>
    </message>
    <message>
        <location filename="../services/route.py" line="274"/>
        <source>Stop {n} cannot be reached along the roads.</source>
        <translation>L'arrêt {n} ne peut pas être atteint par les routes.</translation>
    </message>
    <message>
        <location filename="../services/route.py" line="284"/>
        <source>The stops are all at the same place on the roads.</source>
        <translation>Les arrêts sont tous au même endroit sur les voies.</translation>
    </message>
    <message>
        <location filename="../services/route.py" line="298"/>
        <source>Route along the roads</source>
        <translation>Parcours par les routes</translation>
    </message>
    <message>
        <location filename="../gui/server_actions.py" line="40"/>
        <source>Publish the dossier on the server…</source>
        <translation>Publier le dossier sur le serveur…</translation>
    </message>
    <message>
        <location filename="../gui/server_actions.py" line="40"/>
        <source>Copy the dossier into a PostgreSQL/PostGIS schema so that every group works live</source>
        <translation>Copier le dossier dans un schéma PostgreSQL/PostGIS pour que chaque groupe travaille en direct</translation>
    </message>
    <message>
        <location filename="../gui/server_actions.py" line="46"/>
        <source>Fetch to local…</source>
        <translation>Rapatrier en local…</translation>
    </message>
    <message>
        <location filename="../gui/server_actions.py" line="46"/>
        <source>Copy a workshop from the server into a GeoPackage</source>
        <translation>Copier un atelier du serveur dans un GeoPackage</translation>
    </message>
    <message>
        <location filename="../gui/server_transfer.py" line="222"/>
        <source>Open the facilitator&apos;s project, which shows every group live?</source>
        <translation>Ouvrir le projet de l'animateur, qui montre tous les groupes en direct ?</translation>
    </message>
    <message>
        <location filename="../gui/server_transfer.py" line="177"/>
        <source>Publishing the dossier on the server</source>
        <translation>Publication du dossier sur le serveur</translation>
    </message>
    <message>
        <location filename="../gui/server_transfer.py" line="293"/>
        <source>Workshop {schema} copied into {path} ({count} features).</source>
        <translation>Atelier {schema} copié dans {path} ({count} entités).</translation>
    </message>
    <message>
        <location filename="../gui/server_transfer.py" line="302"/>
        <source>Fetching the workshop from the server</source>
        <translation>Rapatriement de l'atelier depuis le serveur</translation>
    </message>
    <message>
        <location filename="../services/field/merge.py" line="144"/>
        <source>geometry</source>
        <translation>géométrie</translation>
    </message>
    <message>
        <location filename="../gui/server_actions.py" line="149"/>
        <source>Feature {fid}: deleted by someone else.</source>
        <translation>Entité {fid} : supprimée par quelqu'un d'autre.</translation>
    </message>
    <message>
        <location filename="../gui/server_actions.py" line="154"/>
        <source>Feature {fid}: they changed {changes}.</source>
        <translation>Entité {fid} : quelqu'un d'autre a modifié {changes}.</translation>
    </message>
    <message>
        <location filename="../gui/server_actions.py" line="154"/>
        <source>nothing visible</source>
        <translation>rien de visible</translation>
    </message>
    <message>
        <location filename="../gui/server_actions.py" line="157"/>
        <source>you deleted it</source>
        <translation>vous l'avez supprimée</translation>
    </message>
    <message>
        <location filename="../gui/server_actions.py" line="162"/>
        <source>You: {mine}.</source>
        <translation>Vous : {mine}.</translation>
    </message>
    <message>
        <location filename="../gui/server_actions.py" line="169"/>
        <source>Someone else changed the same features</source>
        <translation>Quelqu'un d'autre a modifié les mêmes entités</translation>
    </message>
    <message>
        <location filename="../gui/server_actions.py" line="170"/>
        <source>While you were editing {layer}, someone else saved changes to {count} of the features you changed. Which version do you keep?</source>
        <translation>Pendant que vous modifiiez {layer}, quelqu'un d'autre a enregistré des modifications sur {count} des entités que vous avez modifiées. Quelle version gardez-vous ?</translation>
    </message>
    <message>
        <location filename="../gui/server_actions.py" line="177"/>
        <source>Keep mine</source>
        <translation>Garder ma version</translation>
    </message>
    <message>
        <location filename="../gui/server_actions.py" line="178"/>
        <source>Take theirs</source>
        <translation>Prendre leur version</translation>
    </message>
    <message>
        <location filename="../gui/steps/dossier.py" line="140"/>
        <source>The project {path} cannot be opened: {reason}</source>
        <translation>Le projet {path} ne peut pas être ouvert : {reason}</translation>
    </message>
    <message>
        <location filename="../gui/steps/enjeux.py" line="181"/>
        <source>Edit the selected issue and its tools</source>
        <translation>Modifier l'enjeu sélectionné et ses outils</translation>
    </message>
    <message>
        <location filename="../gui/steps/enjeux.py" line="189"/>
        <source>Delete the selected issue</source>
        <translation>Supprimer l'enjeu sélectionné</translation>
    </message>
    <message>
        <location filename="../processing/export_boards.py" line="36"/>
        <source>Prints the boards of the workshop: for each group the field map, the diagnostic, the restitution, the atlas of stops and the support proposal, and the cross-group synthesis. PDF (vector, one file per board plus one combined file) or PNG at the chosen resolution, A4 to A0. The layouts are also added to the project&apos;s layout manager so they can be retouched before printing.</source>
        <translation>Imprime les planches de l'atelier : pour chaque groupe, la carte de terrain, le diagnostic, la restitution, l'atlas des arrêts et la proposition d'accompagnement, ainsi que la synthèse inter-groupes. PDF (vectoriel, un fichier par planche plus un fichier combiné) ou PNG à la résolution choisie, du A4 au A0. Les mises en page sont aussi ajoutées au gestionnaire de mises en page du projet pour pouvoir être retouchées avant impression.</translation>
    </message>
    <message>
        <location filename="../processing/export_boards.py" line="49"/>
        <source>Project (.qgz) of the dossier</source>
        <translation>Projet (.qgz) du dossier</translation>
    </message>
    <message>
        <location filename="../processing/export_boards.py" line="59"/>
        <source>Groups (names separated by &apos;;&apos;, empty: every group)</source>
        <translation>Groupes (noms séparés par « ; », vide : tous les groupes)</translation>
    </message>
    <message>
        <location filename="../processing/export_boards.py" line="73"/>
        <source>Paper</source>
        <translation>Papier</translation>
    </message>
    <message>
        <location filename="../processing/export_boards.py" line="78"/>
        <source>Orientation</source>
        <translation>Orientation</translation>
    </message>
    <message>
        <location filename="../processing/export_boards.py" line="78"/>
        <source>Landscape</source>
        <translation>Paysage</translation>
    </message>
    <message>
        <location filename="../processing/export_boards.py" line="78"/>
        <source>Portrait</source>
        <translation>Portrait</translation>
    </message>
    <message>
        <location filename="../processing/export_boards.py" line="86"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../processing/export_boards.py" line="91"/>
        <source>Resolution (dpi)</source>
        <translation>Résolution (dpi)</translation>
    </message>
    <message>
        <location filename="../processing/export_boards.py" line="112"/>
        <source>Files written</source>
        <translation>Fichiers écrits</translation>
    </message>
    <message>
        <location filename="../processing/export_boards.py" line="122"/>
        <source>The project {path} cannot be read.</source>
        <translation>Le projet {path} ne peut pas être lu.</translation>
    </message>
    <message>
        <location filename="../processing/export_boards.py" line="131"/>
        <source>Give a project or a dossier.</source>
        <translation>Indiquez un projet ou un dossier.</translation>
    </message>
    <message>
        <location filename="../services/toolbox/enjeux.py" line="77"/>
        <source>Unknown level “{level}”: use one of {levels}.</source>
        <translation>Niveau « {level} » inconnu : utilisez l'un de {levels}.</translation>
    </message>
    <message>
        <location filename="../services/toolbox/enjeux.py" line="83"/>
        <source>Unknown theme “{theme}”.</source>
        <translation>Thème « {theme} » inconnu.</translation>
    </message>
    <message>
        <location filename="../services/server/pg_project.py" line="143"/>
        <source>Cannot read the project {path}: {error}</source>
        <translation>Impossible de lire le projet {path} : {error}</translation>
    </message>
    <message>
        <location filename="../services/toolbox/proposal.py" line="44"/>
        <source>Support proposal — {group}</source>
        <translation>Proposition d'accompagnement — {group}</translation>
    </message>
    <message>
        <location filename="../domain/catalogue.py" line="88"/>
        <source>The catalogue already has a tool named “{name}”.</source>
        <translation>Le catalogue contient déjà un outil nommé « {name} ».</translation>
    </message>
    <message>
        <location filename="../domain/catalogue.py" line="99"/>
        <source>This file is not a text (CSV) file. Save the spreadsheet as “CSV UTF-8” and try again.</source>
        <translation>Ce fichier n'est pas un fichier texte (CSV). Enregistrez le tableur au format « CSV UTF-8 » et recommencez.</translation>
    </message>
    <message>
        <location filename="../domain/catalogue.py" line="166"/>
        <source>Line {line}: the tool has no name (column “nom”).</source>
        <translation>Ligne {line} : l'outil n'a pas de nom (colonne « nom »).</translation>
    </message>
    <message>
        <location filename="../gui/steps/route.py" line="75"/>
        <source>Replace the route by the shortest way along the roads through the numbered stops</source>
        <translation>Remplacer le parcours par le plus court chemin par les routes passant par les arrêts numérotés</translation>
    </message>
    <message>
        <location filename="../boards/synthese.py" line="104"/>
        <source>Sites</source>
        <translation>Sites</translation>
    </message>
    <message>
        <location filename="../boards/synthese.py" line="104"/>
        <source>ha</source>
        <translation>ha</translation>
    </message>
    <message>
        <location filename="../services/dossier/dossier.py" line="56"/>
        <source>The output folder {folder} holds a %-escape (like %20) that QGIS cannot open: rename the folder.</source>
        <translation>Le nom du dossier de sortie {folder} contient un échappement % (comme %20) que QGIS ne sait pas ouvrir : renommez le dossier.</translation>
    </message>
    <message>
        <location filename="../services/server/pg_project.py" line="211"/>
        <source>The project has no layer of a server workshop.</source>
        <translation>Le projet ne contient aucune couche d'un atelier sur serveur.</translation>
    </message>
    <message>
        <location filename="../gui/build_dossier_dialog.py" line="176"/>
        <source>No polygon layer can be read in {path}.</source>
        <translation>Aucune couche de polygones lisible dans {path}.</translation>
    </message>
    <message>
        <location filename="../gui/enjeu_dialog.py" line="128"/>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location filename="../gui/boards_export.py" line="90"/>
        <source>Exporting the boards</source>
        <translation>Export des planches</translation>
    </message>
    <message>
        <location filename="../gui/boards_export.py" line="160"/>
        <source>{n} files written in {folder}.</source>
        <translation>{n} fichiers écrits dans {folder}.</translation>
    </message>
    <message>
        <location filename="../gui/export_boards_dialog.py" line="49"/>
        <source>Export the boards</source>
        <translation>Exporter les planches</translation>
    </message>
    <message>
        <location filename="../gui/export_boards_dialog.py" line="50"/>
        <source>Each group&apos;s field map, diagnostic, restitution, atlas of stops and support proposal, and the cross-group synthesis. The layouts are also added to the project (Project &gt; Layouts) so they can be retouched before printing.</source>
        <translation>Pour chaque groupe : carte de terrain, diagnostic, restitution, atlas des arrêts et proposition d'accompagnement, ainsi que la synthèse inter-groupes. Les mises en page sont aussi ajoutées au projet (Projet &gt; Mises en page) pour pouvoir être retouchées avant impression.</translation>
    </message>
    <message>
        <location filename="../gui/export_boards_dialog.py" line="75"/>
        <source>PDF (vector)</source>
        <translation>PDF (vectoriel)</translation>
    </message>
    <message>
        <location filename="../gui/export_boards_dialog.py" line="76"/>
        <source>PNG (image)</source>
        <translation>PNG (image)</translation>
    </message>
    <message>
        <location filename="../gui/export_boards_dialog.py" line="90"/>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <location filename="../gui/export_boards_dialog.py" line="131"/>
        <source>Each page: {w} × {h} pixels.</source>
        <translation>Chaque page : {w} × {h} pixels.</translation>
    </message>
    <message>
        <location filename="../gui/export_boards_dialog.py" line="133"/>
        <source>Vector PDF: one file per board and one combined file.</source>
        <translation>PDF vectoriel : un fichier par planche et un fichier regroupant toutes les planches.</translation>
    </message>
    <message>
        <location filename="../gui/export_boards_dialog.py" line="158"/>
        <source>Choose at least one board.</source>
        <translation>Choisissez au moins une planche.</translation>
    </message>
    <message>
        <location filename="../gui/export_boards_dialog.py" line="164"/>
        <source>Choose an output folder.</source>
        <translation>Choisissez un répertoire de sortie.</translation>
    </message>
    <message>
        <location filename="../gui/toolbox_dialog.py" line="162"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../gui/server_transfer.py" line="103"/>
        <source>The QGIS authentication database stays locked: nothing was copied.</source>
        <translation>La base de données d'authentification de QGIS reste verrouillée : rien n'a été copié.</translation>
    </message>
    <message>
        <location filename="../gui/server_transfer.py" line="209"/>
        <source>Dossier published in {schema} ({count} features). Facilitator&apos;s project: {path} (and one project per group beside it)</source>
        <translation>Dossier publié dans {schema} ({count} entités). Projet de l'animateur : {path} (et un projet par groupe à côté)</translation>
    </message>
    <message>
        <location filename="../gui/steps/boards.py" line="18"/>
        <source>Print the boards of every group and the cross-group synthesis, as PDF or PNG, A4 to A0.</source>
        <translation>Imprimer les planches de chaque groupe et la synthèse inter-groupes, en PDF ou PNG, du A4 au A0.</translation>
    </message>
    <message>
        <location filename="../gui/steps/boards.py" line="24"/>
        <source>Field map, diagnostic, restitution, atlas, proposal and synthesis</source>
        <translation>Carte de terrain, diagnostic, restitution, atlas, proposition et synthèse</translation>
    </message>
    <message>
        <location filename="../gui/steps/boards.py" line="30"/>
        <source>Add a layer showing where the groups&apos; candidate sites converge</source>
        <translation>Ajouter une couche montrant où convergent les sites de projet des groupes</translation>
    </message>
    <message>
        <location filename="../gui/steps/boards.py" line="71"/>
        <source>{shared} places chosen by two groups or more.</source>
        <translation>{shared} lieux choisis par deux groupes ou plus.</translation>
    </message>
    <message>
        <location filename="../gui/steps/enjeux.py" line="75"/>
        <source>a point</source>
        <translation>un point</translation>
    </message>
    <message>
        <location filename="../gui/steps/enjeux.py" line="75"/>
        <source>a line</source>
        <translation>une ligne</translation>
    </message>
    <message>
        <location filename="../gui/steps/enjeux.py" line="75"/>
        <source>an area</source>
        <translation>une surface</translation>
    </message>
    <message>
        <location filename="../gui/steps/enjeux.py" line="184"/>
        <source>Click on the map to locate the selected issue; right click ends a line or an area</source>
        <translation>Cliquez sur la carte pour situer l'enjeu sélectionné ; clic droit pour finir une ligne ou une surface</translation>
    </message>
    <message>
        <location filename="../gui/steps/enjeux.py" line="268"/>
        <source>Pick an issue in the list first.</source>
        <translation>Choisissez d'abord un enjeu dans la liste.</translation>
    </message>
    <message>
        <location filename="../gui/steps/enjeux.py" line="312"/>
        <source>Issue placed on the map.</source>
        <translation>Enjeu placé sur la carte.</translation>
    </message>
    <message>
        <location filename="../gui/steps/photos.py" line="25"/>
        <source>The active group&apos;s map to carry: route, numbered stops, stop list, notes</source>
        <translation>La carte du groupe actif à emporter : parcours, arrêts numérotés, liste des arrêts, notes</translation>
    </message>
    <message>
        <location filename="../gui/toolbox_dialog.py" line="98"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../domain/groups.py" line="38"/>
        <source>Two groups are named “{name}”.</source>
        <translation>Deux groupes s'appellent « {name} ».</translation>
    </message>
    <message>
        <location filename="../boards/base.py" line="110"/>
        <source>{group} · adviser: {adviser}</source>
        <translation>{group} · conseil : {adviser}</translation>
    </message>
    <message>
        <location filename="../boards/source.py" line="50"/>
        <source>The group “{name}” does not exist.</source>
        <translation>Le groupe « {name} » n'existe pas.</translation>
    </message>
    <message>
        <location filename="../services/photos/photos_summary.py" line="70"/>
        <source>Stop {n} — {name}</source>
        <translation>Arrêt {n} — {name}</translation>
    </message>
    <message>
        <location filename="../gui/steps/route.py" line="60"/>
        <source>Outline a hypothesis area</source>
        <translation>Délimiter une hypothèse</translation>
    </message>
    <message>
        <location filename="../gui/steps/route.py" line="60"/>
        <source>Outline the area a hypothesis is about, right click to finish</source>
        <translation>Délimitez la zone sur laquelle porte l'hypothèse, clic droit pour terminer</translation>
    </message>
    <message>
        <location filename="../gui/saver.py" line="86"/>
        <source>{layer}: the drawings kept in memory are now saved.</source>
        <translation>{layer} : les tracés gardés en mémoire sont maintenant enregistrés.</translation>
    </message>
    <message>
        <location filename="../gui/saver.py" line="98"/>
        <source>{layer} could not be saved ({error}). What you drew is kept in memory and will be saved as soon as possible; do not close QGIS before this message says it is saved.</source>
        <translation>{layer} n'a pas pu être enregistré ({error}). Ce que vous avez tracé est gardé en mémoire et sera enregistré dès que possible ; ne fermez pas QGIS avant que ce message ne dise que c'est enregistré.</translation>
    </message>
    <message>
        <location filename="../gui/saver.py" line="115"/>
        <source>unknown error</source>
        <translation>erreur inconnue</translation>
    </message>
    <message>
        <location filename="../gui/steps/base.py" line="113"/>
        <source>Undo the last drawing</source>
        <translation>Annuler le dernier tracé</translation>
    </message>
    <message>
        <location filename="../gui/saver.py" line="181"/>
        <source>Last drawing on {layer} undone.</source>
        <translation>Dernier tracé annulé sur {layer}.</translation>
    </message>
    <message>
        <location filename="../gui/steps/base.py" line="119"/>
        <source>Redo the drawing</source>
        <translation>Rétablir le tracé</translation>
    </message>
    <message>
        <location filename="../gui/saver.py" line="187"/>
        <source>Drawing on {layer} restored.</source>
        <translation>Tracé rétabli sur {layer}.</translation>
    </message>
    <message>
        <location filename="../gui/steps/base.py" line="113"/>
        <source>Remove the last feature drawn with the panel (it is saved already)</source>
        <translation>Retire le dernier objet tracé avec le panneau (il est déjà enregistré)</translation>
    </message>
    <message>
        <location filename="../gui/steps/base.py" line="119"/>
        <source>Put back the drawing just undone</source>
        <translation>Remet le tracé qui vient d'être annulé</translation>
    </message>
    <message>
        <location filename="../services/dossier/dossier.py" line="274"/>
        <source>Keeping the groups' work…</source>
        <translation>Conservation du travail des groupes…</translation>
    </message>
    <message>
        <location filename="../store/gpkg_replace.py" line="116"/>
        <source>The backup of {path} could not be written ({reason}); nothing was replaced.</source>
        <translation>La sauvegarde de {path} n'a pas pu être écrite ({reason}) ; rien n'a été remplacé.</translation>
    </message>
    <message>
        <location filename="../services/dossier/dossier_keep.py" line="112"/>
        <source>The groups&apos; table {table} could not be carried into the rebuilt dossier ({reason}); the dossier was not replaced.</source>
        <translation>La table {table} des groupes n'a pas pu être reprise dans le dossier reconstruit ({reason}) ; le dossier n'a pas été remplacé.</translation>
    </message>
    <message>
        <location filename="../services/dossier/dossier_keep.py" line="121"/>
        <source>The groups&apos; table {table} could not be carried into the rebuilt dossier; the dossier was not replaced.</source>
        <translation>La table {table} des groupes n'a pas pu être reprise dans le dossier reconstruit ; le dossier n'a pas été remplacé.</translation>
    </message>
    <message>
        <location filename="../services/dossier/dossier_keep.py" line="193"/>
        <source>The groups' table {table} lost rows while being carried over ({before} → {after}); the dossier was not replaced.</source>
        <translation>La table {table} des groupes a perdu des lignes en étant reprise ({before} → {after}) ; le dossier n'a pas été remplacé.</translation>
    </message>
    <message>
        <location filename="../gui/steps/route.py" line="272"/>
        <source>The route now follows the roads and is saved; “Undo the last drawing” puts your route back.</source>
        <translation>Le parcours suit maintenant les routes et il est enregistré ; « Annuler le dernier tracé » remet votre parcours.</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="162"/>
        <source>Pending edits of {layers} could not be saved; they are not included.</source>
        <translation>Les modifications en cours de {layers} n'ont pas pu être enregistrées ; elles ne sont pas prises en compte.</translation>
    </message>
    <message>
        <location filename="../processing/build_dossier.py" line="203"/>
        <source>Kept from the previous dossier: {tables}.</source>
        <translation>Repris du dossier précédent : {tables}.</translation>
    </message>
    <message>
        <location filename="../processing/build_dossier.py" line="209"/>
        <source>Previous file kept as {path}.</source>
        <translation>Ancien fichier conservé sous {path}.</translation>
    </message>
    <message>
        <location filename="../boards/kept_layouts.py" line="191"/>
        <source>{name} (retouched, kept {date})</source>
        <translation>{name} (retouchée, gardée le {date})</translation>
    </message>
    <message>
        <location filename="../gui/export_boards_dialog.py" line="271"/>
        <source>The boards are already being exported: wait for the export in progress to end.</source>
        <translation>Les planches sont déjà en cours d'export : attendez la fin de l'export en cours.</translation>
    </message>
    <message>
        <location filename="../boards/session.py" line="63"/>
        <source>The edits of {layers} could not be saved, so the boards would not show them. Close any other program using the dossier, then export again.</source>
        <translation>Les modifications de {layers} n'ont pas pu être enregistrées : les planches ne les montreraient pas. Fermez tout autre programme qui utilise le dossier, puis exportez de nouveau.</translation>
    </message>
    <message>
        <location filename="../services/field/merge.py" line="118"/>
        <source>(empty)</source>
        <translation>(vide)</translation>
    </message>
    <message>
        <location filename="../services/field/merge.py" line="139"/>
        <source>{name} ({table})</source>
        <translation>{name} ({table})</translation>
    </message>
    <message>
        <location filename="../services/field/merge.py" line="133"/>
        <source>edited or still used at the office</source>
        <translation>modifié ou encore utilisé au bureau</translation>
    </message>
    <message>
        <location filename="../services/field/merge.py" line="133"/>
        <source>deleted in the field</source>
        <translation>supprimé sur le terrain</translation>
    </message>
    <message>
        <location filename="../services/field/merge.py" line="139"/>
        <source>deleted at the office</source>
        <translation>supprimé au bureau</translation>
    </message>
    <message>
        <location filename="../services/field/merge.py" line="139"/>
        <source>edited in the field</source>
        <translation>modifié sur le terrain</translation>
    </message>
    <message>
        <location filename="../services/field/merge.py" line="145"/>
        <source>{name} ({table}), {field}</source>
        <translation>{name} ({table}), {field}</translation>
    </message>
    <message>
        <location filename="../services/field/merge.py" line="170"/>
        <source>Save the edits of these layers before bringing a field package back: {layers}.</source>
        <translation>Enregistrez les modifications de ces couches avant de rapatrier un paquet terrain : {layers}.</translation>
    </message>
    <message>
        <location filename="../services/field/merge_apply.py" line="36"/>
        <source>Cannot merge the field package into {path} (table {table}): {error}. Nothing was changed in the dossier.</source>
        <translation>Impossible de fusionner le paquet terrain dans {path} (table {table}) : {error}. Rien n'a été modifié dans le dossier.</translation>
    </message>
    <message>
        <location filename="../services/field/merge_state.py" line="211"/>
        <source>The field package {path} is damaged ({error}): nothing was merged. Copy it again from the tablet.</source>
        <translation>Le paquet terrain {path} est endommagé ({error}) : rien n'a été fusionné. Copiez-le à nouveau depuis la tablette.</translation>
    </message>
    <message>
        <location filename="../store/pg_conflicts.py" line="76"/>
        <source>The feature {fid} of {table} was changed in the meantime on another computer: nothing was written. Reload it and apply your change again.</source>
        <translation>L'entité {fid} de {table} a été modifiée entre-temps par un autre poste : rien n'a été écrit. Rechargez-la et refaites votre modification.</translation>
    </message>
    <message>
        <location filename="../store/pg_conflicts.py" line="87"/>
        <source>The feature {fid} of {table} was deleted in the meantime on another computer: nothing was written.</source>
        <translation>L'entité {fid} de {table} a été supprimée entre-temps par un autre poste : rien n'a été écrit.</translation>
    </message>
    <message>
        <location filename="../store/rows.py" line="41"/>
        <source>Cannot write into {path} (table {table}): {error}. Nothing was changed.</source>
        <translation>Impossible d'écrire dans {path} (table {table}) : {error}. Rien n'a été modifié.</translation>
    </message>
    <message>
        <location filename="../store/transaction_pg.py" line="38"/>
        <source>The server refused the change of {table} in {schema}: {error}. Nothing was changed.</source>
        <translation>Le serveur a refusé la modification de {table} dans {schema} : {error}. Rien n'a été modifié.</translation>
    </message>
    <message>
        <location filename="../gui/boards_export.py" line="88"/>
        <source>Preparing the boards…</source>
        <translation>Préparation des planches…</translation>
    </message>
    <message>
        <location filename="../gui/boards_export.py" line="162"/>
        <source>Open the folder</source>
        <translation>Ouvrir le répertoire</translation>
    </message>
    <message>
        <location filename="../gui/export_boards_dialog.py" line="161"/>
        <source>Choose at least one group.</source>
        <translation>Choisissez au moins un groupe.</translation>
    </message>
    <message>
        <location filename="../gui/export_boards_dialog.py" line="166"/>
        <source>Cannot write into the folder {path}. Choose a folder you can write to.</source>
        <translation>Impossible d'écrire dans le répertoire {path}. Choisissez un répertoire accessible en écriture.</translation>
    </message>
    <message>
        <location filename="../gui/export_boards_dialog.py" line="219"/>
        <source>Retouched layouts</source>
        <translation>Mises en page retouchées</translation>
    </message>
    <message>
        <location filename="../gui/export_boards_dialog.py" line="221"/>
        <source>The layout “{name}” was retouched: replace it?</source>
        <translation>La mise en page « {name} » a été retouchée : la remplacer ?</translation>
    </message>
    <message>
        <location filename="../gui/export_boards_dialog.py" line="225"/>
        <source>Replace: the new layout takes the name, the retouched one is kept under a dated name. Write under a new name: the retouched one keeps its name, the new one is written beside it. Nothing is deleted.</source>
        <translation>Remplacer : la nouvelle mise en page prend le nom, la retouchée est gardée sous un nom daté. Écrire sous un nouveau nom : la retouchée garde son nom, la nouvelle est écrite à côté. Rien n'est supprimé.</translation>
    </message>
    <message>
        <location filename="../gui/export_boards_dialog.py" line="232"/>
        <source>Replace</source>
        <translation>Remplacer</translation>
    </message>
    <message>
        <location filename="../gui/export_boards_dialog.py" line="234"/>
        <source>Write under a new name</source>
        <translation>Écrire sous un nouveau nom</translation>
    </message>
    <message>
        <location filename="../gui/merge_conflicts_dialog.py" line="37"/>
        <source>Field package: values changed on both sides</source>
        <translation>Paquet terrain : valeurs modifiées des deux côtés</translation>
    </message>
    <message>
        <location filename="../gui/merge_conflicts_dialog.py" line="43"/>
        <source>These values were changed both at the office and in the field. For each one, choose the value to keep; nothing changes until you click OK. A conflict left open is shown again by the next merge.</source>
        <translation>Ces valeurs ont été modifiées à la fois au bureau et sur le terrain. Pour chacune, choisissez la valeur à garder ; rien ne change avant que vous cliquiez sur OK. Un conflit laissé ouvert est signalé à nouveau par la fusion suivante.</translation>
    </message>
    <message>
        <location filename="../gui/merge_conflicts_dialog.py" line="55"/>
        <source>Feature and value</source>
        <translation>Entité et valeur</translation>
    </message>
    <message>
        <location filename="../gui/merge_conflicts_dialog.py" line="55"/>
        <source>At the office</source>
        <translation>Au bureau</translation>
    </message>
    <message>
        <location filename="../gui/merge_conflicts_dialog.py" line="55"/>
        <source>In the field</source>
        <translation>Sur le terrain</translation>
    </message>
    <message>
        <location filename="../gui/merge_conflicts_dialog.py" line="55"/>
        <source>Choice</source>
        <translation>Choix</translation>
    </message>
    <message>
        <location filename="../gui/merge_conflicts_dialog.py" line="78"/>
        <source>Keep the office everywhere</source>
        <translation>Garder le bureau partout</translation>
    </message>
    <message>
        <location filename="../gui/merge_conflicts_dialog.py" line="81"/>
        <source>Take the field everywhere</source>
        <translation>Prendre le terrain partout</translation>
    </message>
    <message>
        <location filename="../gui/merge_conflicts_dialog.py" line="100"/>
        <source>Keep the office</source>
        <translation>Garder le bureau</translation>
    </message>
    <message>
        <location filename="../gui/merge_conflicts_dialog.py" line="103"/>
        <source>Take the field</source>
        <translation>Prendre le terrain</translation>
    </message>
    <message>
        <location filename="../gui/photo_actions.py" line="295"/>
        <source>Field package of {group} merged: {inserted} added, {updated} updated, {deleted} deleted, {photos} photos copied, {conflicts} conflicts.</source>
        <translation>Paquet terrain de {group} fusionné : {inserted} entités ajoutées, {updated} modifiées, {deleted} supprimées, {photos} photos copiées, {conflicts} conflits.</translation>
    </message>
    <message>
        <location filename="../gui/photo_actions.py" line="307"/>
        <source>Choose the value to keep for each conflict.</source>
        <translation>Choisissez la valeur à garder pour chaque conflit.</translation>
    </message>
    <message>
        <location filename="../gui/photo_actions.py" line="339"/>
        <source>Conflicts settled: {field} values taken from the field, {office} kept from the office.</source>
        <translation>Conflits réglés : {field} valeurs prises du terrain, {office} gardées du bureau.</translation>
    </message>
    <message>
        <location filename="../gui/photo_actions.py" line="343"/>
        <source>{n} conflicts remain (changed again meanwhile).</source>
        <translation>{n} conflits restent (modifiés à nouveau entre-temps).</translation>
    </message>
    <message>
        <location filename="../gui/steps/photos.py" line="38"/>
        <source>Merge what changed in the field (added, edited and deleted features); what changed at the office is kept</source>
        <translation>Fusionne ce qui a changé sur le terrain (entités ajoutées, modifiées, supprimées) ; ce qui a changé au bureau est conservé</translation>
    </message>
    <message>
        <location filename="../processing/merge_field_package.py" line="22"/>
        <source>Bring back a field package</source>
        <translation>Rapatrier un paquet terrain</translation>
    </message>
    <message>
        <location filename="../processing/merge_field_package.py" line="25"/>
        <source>Merges a field package into the dossier, three ways: what changed in the field since the export (new, edited and deleted features) is applied, what changed at the office is kept, and a value changed on both sides is reported as a conflict and left as it is at the office. Only the tables the package lets people edit are merged. All or nothing: on any error the dossier is left unchanged. Bringing the same package back twice changes nothing.</source>
        <translation>Fusionne un paquet terrain dans le dossier, à trois voies : ce qui a changé sur le terrain depuis l'export (entités ajoutées, modifiées et supprimées) est appliqué, ce qui a changé au bureau est conservé, et une valeur modifiée des deux côtés est signalée comme conflit et laissée telle qu'au bureau. Seules les tables que le paquet permet de modifier sont fusionnées. Tout ou rien : en cas d'erreur, le dossier reste inchangé. Rapatrier deux fois le même paquet ne change rien.</translation>
    </message>
    <message>
        <location filename="../processing/merge_field_package.py" line="40"/>
        <source>Field package (its GeoPackage or its folder)</source>
        <translation>Paquet terrain (son GeoPackage ou son dossier)</translation>
    </message>
    <message>
        <location filename="../processing/merge_field_package.py" line="45"/>
        <source>Features added</source>
        <translation>Entités ajoutées</translation>
    </message>
    <message>
        <location filename="../processing/merge_field_package.py" line="45"/>
        <source>Features updated</source>
        <translation>Entités modifiées</translation>
    </message>
    <message>
        <location filename="../processing/merge_field_package.py" line="45"/>
        <source>Features deleted</source>
        <translation>Entités supprimées</translation>
    </message>
    <message>
        <location filename="../processing/merge_field_package.py" line="45"/>
        <source>Conflicts (left as at the office)</source>
        <translation>Conflits (laissés tels qu'au bureau)</translation>
    </message>
    <message>
        <location filename="../processing/merge_field_package.py" line="62"/>
        <source>Conflict: {what}. Office: {office}. Field: {field}.</source>
        <translation>Conflit : {what}. Bureau : {office}. Terrain : {field}.</translation>
    </message>
    <message>
        <location filename="../processing/merge_field_package.py" line="68"/>
        <source>{inserted} added, {updated} updated, {deleted} deleted, {conflicts} conflicts, {photos} photos copied.</source>
        <translation>{inserted} ajoutées, {updated} modifiées, {deleted} supprimées, {conflicts} conflits, {photos} photos copiées.</translation>
    </message>
    <message>
        <location filename="../boards/engine.py" line="281"/>
        <source>All boards in one PDF: {name}</source>
        <translation>Toutes les planches dans un seul PDF : {name}</translation>
    </message>
    <message>
        <location filename="../store/gpkg_replace.py" line="91"/>
        <source>{path} is open in the project ({layers}): remove these layers or choose another file; nothing was replaced.</source>
        <translation>{path} est ouvert dans le projet ({layers}) : retirez ces couches ou choisissez un autre fichier ; rien n'a été remplacé.</translation>
    </message>
    <message>
        <location filename="../store/gpkg_replace.py" line="125"/>
        <source>{path} is still in use by another program ({files} cannot be removed): close it and try again; nothing was replaced.</source>
        <translation>{path} est encore utilisé par un autre programme (impossible de supprimer {files}) : fermez-le et réessayez ; rien n'a été remplacé.</translation>
    </message>
    <message>
        <location filename="../store/gpkg_replace.py" line="137"/>
        <source>{path} cannot be replaced ({reason}); the old file is unchanged.</source>
        <translation>Impossible de remplacer {path} ({reason}) ; l'ancien fichier est intact.</translation>
    </message>
    <message>
        <location filename="../store/gpkg_replace.py" line="174"/>
        <source>The pending edits of {layer} could not be saved: save or discard them, then try again; nothing was replaced.</source>
        <translation>Les modifications en attente de {layer} n'ont pas pu être enregistrées : enregistrez-les ou annulez-les, puis réessayez ; rien n'a été remplacé.</translation>
    </message>
    <message>
        <location filename="../store/pg_schema.py" line="309"/>
        <source>The schema {schema} belongs to the database itself and never holds a workshop: choose another schema name (for example atelier_poix_du_nord).</source>
        <translation>Le schéma {schema} appartient à la base de données elle-même et n'accueille jamais d'atelier : choisissez un autre nom de schéma (par exemple atelier_poix_du_nord).</translation>
    </message>
    <message>
        <location filename="../services/server/pg_sync.py" line="210"/>
        <source>The schema {schema} already exists on the server and was not made by the workshop plugin ({tables} tables): it is never replaced nor written into. Choose another schema name.</source>
        <translation>Le schéma {schema} existe déjà sur le serveur et n'a pas été créé par l'extension Atelier territorial ({tables} tables) : il n'est jamais remplacé ni modifié. Choisissez un autre nom de schéma.</translation>
    </message>
    <message>
        <location filename="../services/server/pg_sync.py" line="236"/>
        <source>The schema {schema} already holds a workshop: choose another name, or confirm that the server copy is replaced (it is then kept on the server as a dated backup).</source>
        <translation>Le schéma {schema} contient déjà un atelier : choisissez un autre nom, ou confirmez le remplacement de la copie du serveur (elle est alors conservée sur le serveur en sauvegarde datée).</translation>
    </message>
    <message>
        <location filename="../gui/export_boards_dialog.py" line="224"/>
        <source>These layouts were retouched: replace them?</source>
        <translation>Ces mises en page ont été retouchées : les remplacer ?</translation>
    </message>
    <message>
        <location filename="../gui/server_dialog.py" line="70"/>
        <source>Replace the workshop if this schema holds one (it is kept as a dated backup)</source>
        <translation>Remplacer l'atelier si ce schéma en contient un (il est conservé en sauvegarde datée)</translation>
    </message>
    <message>
        <location filename="../gui/server_dialog.py" line="70"/>
        <source>Replace the GeoPackage if it exists (it is kept as a dated backup)</source>
        <translation>Remplacer le GeoPackage s'il existe (il est conservé en sauvegarde datée)</translation>
    </message>
    <message>
        <location filename="../gui/server_transfer.py" line="143"/>
        <source>Pending edits of {layers} could not be saved: nothing was published.</source>
        <translation>Les modifications en attente de {layers} n'ont pas pu être enregistrées : rien n'a été publié.</translation>
    </message>
    <message>
        <location filename="../gui/server_transfer.py" line="154"/>
        <source>Replace the workshop on the server</source>
        <translation>Remplacer l'atelier sur le serveur</translation>
    </message>
    <message>
        <location filename="../gui/server_transfer.py" line="154"/>
        <source>The schema {schema} on the server holds a workshop ({rows} features, created on {created}). It will be replaced by a copy of the dossier {dossier}.

Nothing is deleted: the current workshop, with everything the groups saved on the server, is kept on the server as the schema {backup}.</source>
        <translation>Le schéma {schema} du serveur contient un atelier ({rows} entités, créé le {created}). Il va être remplacé par une copie du dossier {dossier}.

Rien n'est supprimé : l'atelier actuel, avec tout ce que les groupes ont enregistré sur le serveur, est conservé sur le serveur dans le schéma {backup}.</translation>
    </message>
    <message>
        <location filename="../gui/server_transfer.py" line="269"/>
        <source>Replace (keep a backup)</source>
        <translation>Remplacer (en gardant une sauvegarde)</translation>
    </message>
    <message>
        <location filename="../processing/publish_dossier.py" line="63"/>
        <source>The previous workshop is kept on the server as {backup}.</source>
        <translation>L'atelier précédent est conservé sur le serveur sous le nom {backup}.</translation>
    </message>
    <message>
        <location filename="../gui/server_transfer.py" line="256"/>
        <source>The GeoPackage {path} will be replaced by the workshop {schema} from the server.

Nothing is deleted: the current file is kept beside it as {backup}.</source>
        <translation>Le GeoPackage {path} va être remplacé par l'atelier {schema} du serveur.

Rien n'est supprimé : le fichier actuel est conservé à côté sous le nom {backup}.</translation>
    </message>
    <message>
        <location filename="../gui/server_transfer.py" line="265"/>
        <source>{count} layers of the project read this file ({layers}): their pending edits are saved, they are closed while it is replaced, then show the fetched copy.</source>
        <translation>{count} couches du projet lisent ce fichier ({layers}) : leurs modifications en attente sont enregistrées, elles sont fermées pendant le remplacement, puis affichent la copie récupérée.</translation>
    </message>
    <message>
        <location filename="../gui/server_transfer.py" line="269"/>
        <source>Replace the GeoPackage</source>
        <translation>Remplacer le GeoPackage</translation>
    </message>
    <message>
        <location filename="../gui/server_transfer.py" line="286"/>
        <source>These layers could not be reopened on {path}: {layers}</source>
        <translation>Ces couches n'ont pas pu être rouvertes sur {path} : {layers}</translation>
    </message>
    <message>
        <location filename="../processing/fetch_dossier.py" line="80"/>
        <source>The previous GeoPackage is kept as {backup}.</source>
        <translation>Le GeoPackage précédent est conservé sous le nom {backup}.</translation>
    </message>
    <message>
        <location filename="../gui/steps/groups.py" line="115"/>
        <source>Delete the group “{name}” and everything it drew (route, stops, sequences, hypotheses, sites, diagnostic, issues)? The other groups are not touched. A dated copy of the dossier is kept in the “sauvegardes” folder beside it.</source>
        <translation>Supprimer le groupe « {name} » et tout ce qu'il a dessiné (parcours, arrêts, séquences, hypothèses, sites, diagnostic, enjeux) ? Les autres groupes ne sont pas touchés. Une copie datée du dossier est conservée dans le dossier « sauvegardes » à côté.</translation>
    </message>
    <message>
        <location filename="../gui/steps/groups.py" line="141"/>
        <source>Group “{name}” deleted ({count} features); copy kept: {backup}.</source>
        <translation>Groupe « {name} » supprimé ({count} entités) ; copie conservée : {backup}.</translation>
    </message>
    <message>
        <location filename="../processing/fetch_dossier.py" line="23"/>
        <source>Fetch a workshop from the server</source>
        <translation>Récupérer un atelier depuis le serveur</translation>
    </message>
    <message>
        <location filename="../processing/fetch_dossier.py" line="26"/>
        <source>Copies a workshop schema from a PostgreSQL/PostGIS server into a GeoPackage, to work offline. An existing GeoPackage is replaced only once the new one is complete, and kept beside it as &lt;name&gt;_sauvegarde_&lt;date&gt;_&lt;time&gt;.gpkg. A GeoPackage that layers of the project read is refused: remove them first, or use the panel&apos;s Fetch to local, which closes and reopens them.</source>
        <translation>Copie un schéma d'atelier d'un serveur PostgreSQL/PostGIS dans un GeoPackage, pour travailler hors ligne. Un GeoPackage existant n'est remplacé qu'une fois le nouveau complet, et il est conservé à côté sous le nom &lt;nom&gt;_sauvegarde_&lt;date&gt;_&lt;heure&gt;.gpkg. Un GeoPackage lu par des couches du projet est refusé : retirez-les d'abord, ou utilisez « Récupérer en local » du panneau, qui les ferme puis les rouvre.</translation>
    </message>
    <message>
        <location filename="../processing/publish_dossier.py" line="35"/>
        <source>PostgreSQL connection</source>
        <translation>Connexion PostgreSQL</translation>
    </message>
    <message>
        <location filename="../processing/publish_dossier.py" line="48"/>
        <source>Workshop schema</source>
        <translation>Schéma de l'atelier</translation>
    </message>
    <message>
        <location filename="../processing/fetch_dossier.py" line="45"/>
        <source>GeoPackage</source>
        <translation>GeoPackage</translation>
    </message>
    <message>
        <location filename="../processing/fetch_dossier.py" line="51"/>
        <source>Backup of the replaced file</source>
        <translation>Sauvegarde du fichier remplacé</translation>
    </message>
    <message>
        <location filename="../processing/publish_dossier.py" line="24"/>
        <source>Copies a GeoPackage dossier (its layers, the groups&apos; work, the catalogue, the styles) into a PostgreSQL/PostGIS schema, so that every group works live. The schema must be new, or a workshop schema made by this plugin: any other schema, and public, pg_*, information_schema and topology, are always refused. With Replace, the current workshop is first renamed &lt;schema&gt;_sauvegarde_&lt;date&gt;_&lt;time&gt; and kept on the server; nothing is ever deleted.</source>
        <translation>Copie un dossier GeoPackage (ses couches, le travail des groupes, le catalogue, les styles) dans un schéma PostgreSQL/PostGIS, pour que chaque groupe travaille en direct. Le schéma doit être nouveau, ou un schéma d'atelier créé par cette extension : tout autre schéma, ainsi que public, pg_*, information_schema et topology, est toujours refusé. Avec « Remplacer », l'atelier existant est d'abord renommé &lt;schéma&gt;_sauvegarde_&lt;date&gt;_&lt;heure&gt; et conservé sur le serveur ; rien n'est jamais supprimé.</translation>
    </message>
    <message>
        <location filename="../processing/publish_dossier.py" line="41"/>
        <source>Replace the workshop if the schema already holds one (kept as a backup)</source>
        <translation>Remplacer l'atelier si le schéma en contient déjà un (conservé en sauvegarde)</translation>
    </message>
    <message>
        <location filename="../processing/publish_dossier.py" line="49"/>
        <source>Backup of the replaced workshop</source>
        <translation>Sauvegarde de l'atelier remplacé</translation>
    </message>
    <message>
        <location filename="../processing/publish_dossier.py" line="68"/>
        <source>{count} features copied into {schema}.</source>
        <translation>{count} entités copiées dans {schema}.</translation>
    </message>
    <message>
        <location filename="../services/photos/photos.py" line="286"/>
        <source>No perimetre_etude nor commune layer in {path}: no area check</source>
        <translation>Ni couche perimetre_etude ni couche commune dans {path} : périmètre non vérifié</translation>
    </message>
    <message>
        <location filename="../gui/steps/enjeux.py" line="71"/>
        <source>Shape on the map:</source>
        <translation>Forme sur la carte :</translation>
    </message>
    <message>
        <location filename="../gui/steps/enjeux.py" line="85"/>
        <source>Place the issue on the map</source>
        <translation>Placer l'enjeu sur la carte</translation>
    </message>
    <message>
        <location filename="../boards/kept_layouts.py" line="221"/>
        <source>Layout {name} retouched: kept as {kept}</source>
        <translation>Mise en page {name} retouchée : conservée sous le nom {kept}</translation>
    </message>
    <message>
        <location filename="../boards/kept_layouts.py" line="229"/>
        <source>Layout {name} retouched: the new one written as {target}</source>
        <translation>Mise en page {name} retouchée : la nouvelle est écrite sous le nom {target}</translation>
    </message>
    <message>
        <location filename="../boards/presence.py" line="69"/>
        <source>Table {table} missing in {path}</source>
        <translation>Table {table} absente de {path}</translation>
    </message>
    <message>
        <location filename="../boards/source.py" line="64"/>
        <source>Commune table unreadable in {path}</source>
        <translation>Table commune illisible dans {path}</translation>
    </message>
    <message>
        <location filename="../services/toolbox/catalogue.py" line="56"/>
        <source>The toolbox comes with the groups: create the groups first.</source>
        <translation>La boîte à outils vient avec les groupes : créez d'abord les groupes.</translation>
    </message>
    <message>
        <location filename="../services/toolbox/catalogue.py" line="125"/>
        <source>Toolbox: {count} tools copied into {path}</source>
        <translation>Boîte à outils : {count} outils copiés dans {path}</translation>
    </message>
    <message>
        <location filename="../services/dossier/dossier_keep.py" line="133"/>
        <source>Rebuild kept the tables {tables}</source>
        <translation>La reconstruction a conservé les tables {tables}</translation>
    </message>
    <message>
        <location filename="../services/dossier/dossier_project.py" line="128"/>
        <source>Style of {table} not saved: {error}</source>
        <translation>Style de {table} non enregistré : {error}</translation>
    </message>
    <message>
        <location filename="../services/dossier/dossier_project.py" line="134"/>
        <source>Metadata of {table} not saved in the GeoPackage: {error}</source>
        <translation>Métadonnées de {table} non enregistrées dans le GeoPackage : {error}</translation>
    </message>
    <message>
        <location filename="../services/dossier/dossier_project.py" line="140"/>
        <source>Layer metadata not saved in the GeoPackage: {error}</source>
        <translation>Métadonnées des couches non enregistrées dans le GeoPackage : {error}</translation>
    </message>
    <message>
        <location filename="../services/toolbox/enjeux_project.py" line="96"/>
        <source>Invalid relation {id}</source>
        <translation>Relation invalide : {id}</translation>
    </message>
    <message>
        <location filename="../services/field/field_package.py" line="334"/>
        <source>Offline basemap not rendered: {error}</source>
        <translation>Fond de plan hors ligne non généré : {error}</translation>
    </message>
    <message>
        <location filename="../store/gpkg_replace.py" line="69"/>
        <source>Could not remove {path}: {error}</source>
        <translation>Impossible de supprimer {path} : {error}</translation>
    </message>
    <message>
        <location filename="../services/groups.py" line="75"/>
        <source>Groups {groups} in {path}</source>
        <translation>Groupes {groups} dans {path}</translation>
    </message>
    <message>
        <location filename="../services/field/package_layers.py" line="63"/>
        <source>No tilesxyzmbtiles algorithm: the package has no offline basemap</source>
        <translation>Pas d'algorithme tilesxyzmbtiles : le paquet terrain n'a pas de fond de plan hors ligne</translation>
    </message>
    <message>
        <location filename="../store/pg_listen.py" line="62"/>
        <source>Server notifications stopped: {error}</source>
        <translation>Notifications du serveur arrêtées : {error}</translation>
    </message>
    <message>
        <location filename="../services/server/pg_sync.py" line="196"/>
        <source>{table}.{field}: {n} references to missing {parent} emptied</source>
        <translation>{table}.{field} : {n} références vers des {parent} disparus vidées</translation>
    </message>
    <message>
        <location filename="../services/server/pg_sync.py" line="286"/>
        <source>Workshop {name} kept as {backup} before being replaced</source>
        <translation>Atelier {name} conservé sous le nom {backup} avant d'être remplacé</translation>
    </message>
    <message>
        <location filename="../services/server/pg_sync.py" line="324"/>
        <source>{table} ({kind}) is not copied to the server</source>
        <translation>{table} ({kind}) n'est pas copiée sur le serveur</translation>
    </message>
    <message>
        <location filename="../services/photos/photos_summary.py" line="62"/>
        <source>{label}: 1 photo</source>
        <translation>{label} : 1 photo</translation>
    </message>
    <message>
        <location filename="../services/photos/photos_summary.py" line="63"/>
        <source>{label}: {n} photos</source>
        <translation>{label} : {n} photos</translation>
    </message>
    <message>
        <location filename="../services/photos/photos_summary.py" line="67"/>
        <source>(unnamed)</source>
        <translation>(sans nom)</translation>
    </message>
    <message>
        <location filename="../services/photos/photos_summary.py" line="69"/>
        <source>Unnumbered stop — {name}</source>
        <translation>Arrêt sans numéro — {name}</translation>
    </message>
    <message>
        <location filename="../services/photos/photos_summary.py" line="86"/>
        <source>{file}: {reason}</source>
        <translation>{file} : {reason}</translation>
    </message>
    <message>
        <location filename="../services/photos/photos_summary.py" line="110"/>
        <source>Imported, no stop close enough</source>
        <translation>Importées, sans arrêt assez proche</translation>
    </message>
    <message>
        <location filename="../services/photos/photos_summary.py" line="120"/>
        <source>Already imported</source>
        <translation>Déjà importées</translation>
    </message>
    <message>
        <location filename="../store/postgis.py" line="301"/>
        <source>Workshop {schema}: tables created {tables}, groups added {groups}</source>
        <translation>Atelier {schema} : tables créées {tables}, groupes ajoutés {groups}</translation>
    </message>
    <message>
        <location filename="../store/saving.py" line="116"/>
        <source>{layer} saved after {tries} tries</source>
        <translation>{layer} enregistrée après {tries} essais</translation>
    </message>
    <message>
        <location filename="../store/saving.py" line="122"/>
        <source>Saving {layer} failed (try {tries}): {errors}</source>
        <translation>Échec de l'enregistrement de {layer} (essai {tries}) : {errors}</translation>
    </message>
    <message>
        <location filename="../domain/checklist.py" line="20"/>
        <source>Dossier open: {name}</source>
        <translation>Dossier ouvert : {name}</translation>
    </message>
    <message>
        <location filename="../domain/checklist.py" line="21"/>
        <source>{groups} groups made</source>
        <translation>{groups} groupes créés</translation>
    </message>
    <message>
        <location filename="../domain/checklist.py" line="22"/>
        <source>Routes drawn: {routes} of {groups} groups, {stops} stops</source>
        <translation>Parcours tracés : {routes} groupes sur {groups}, {stops} arrêts</translation>
    </message>
    <message>
        <location filename="../domain/checklist.py" line="23"/>
        <source>{photos} photos attached to stops</source>
        <translation>{photos} photos rattachées aux arrêts</translation>
    </message>
    <message>
        <location filename="../domain/checklist.py" line="24"/>
        <source>{diagnostic} diagnostic entries</source>
        <translation>{diagnostic} éléments de diagnostic</translation>
    </message>
    <message>
        <location filename="../domain/checklist.py" line="25"/>
        <source>{enjeux} issues, {links} links to tools</source>
        <translation>{enjeux} enjeux, {links} liens vers des outils</translation>
    </message>
    <message>
        <location filename="../domain/checklist.py" line="26"/>
        <source>{boards} boards printed</source>
        <translation>{boards} planches imprimées</translation>
    </message>
    <message>
        <location filename="../domain/checklist.py" line="29"/>
        <source>Next: build or open the commune&apos;s dossier.</source>
        <translation>À faire : créer ou ouvrir le dossier de la commune.</translation>
    </message>
    <message>
        <location filename="../domain/checklist.py" line="30"/>
        <source>Next: make the groups of the workshop.</source>
        <translation>À faire : créer les groupes de l'atelier.</translation>
    </message>
    <message>
        <location filename="../domain/checklist.py" line="31"/>
        <source>Next: draw each group&apos;s route and its stops ({routes} of {groups} done).</source>
        <translation>À faire : tracer le parcours de chaque groupe et ses arrêts ({routes} sur {groups} faits).</translation>
    </message>
    <message>
        <location filename="../domain/checklist.py" line="32"/>
        <source>Next: after the visit, import the photos.</source>
        <translation>À faire : après la visite, importer les photos.</translation>
    </message>
    <message>
        <location filename="../domain/checklist.py" line="33"/>
        <source>Next: write the diagnostic of each group.</source>
        <translation>À faire : rédiger le diagnostic de chaque groupe.</translation>
    </message>
    <message>
        <location filename="../domain/checklist.py" line="34"/>
        <source>Next: note the issues and link them to tools.</source>
        <translation>À faire : noter les enjeux et les relier aux outils.</translation>
    </message>
    <message>
        <location filename="../domain/checklist.py" line="35"/>
        <source>Next: print the boards.</source>
        <translation>À faire : imprimer les planches.</translation>
    </message>
    <message>
        <location filename="../gui/boards_export.py" line="140"/>
        <source>The boards export failed</source>
        <translation>L'export des planches a échoué</translation>
    </message>
    <message>
        <location filename="../gui/dock.py" line="101"/>
        <source>Open the next step of the workshop</source>
        <translation>Ouvrir l'étape suivante de l'atelier</translation>
    </message>
    <message>
        <location filename="../gui/dock.py" line="133"/>
        <source>Next step: {step}</source>
        <translation>Étape suivante : {step}</translation>
    </message>
    <message>
        <location filename="../gui/dock.py" line="135"/>
        <source>Every step of the day is done ✓</source>
        <translation>Toutes les étapes de la journée sont faites ✓</translation>
    </message>
    <message>
        <location filename="../gui/photo_actions.py" line="184"/>
        <source>{imported} photos imported for {group}, {attached} of them attached to a stop; {no_gps} without GPS, {outside} outside the study perimeter, {unreadable} unreadable, {already} already imported.</source>
        <translation>{imported} photos importées pour {group}, dont {attached} rattachées à un arrêt ; {no_gps} sans GPS, {outside} hors du périmètre d'étude, {unreadable} illisibles, {already} déjà importées.</translation>
    </message>
    <message>
        <location filename="../gui/photo_summary.py" line="36"/>
        <source>Details…</source>
        <translation>Détails…</translation>
    </message>
    <message>
        <location filename="../gui/photo_summary.py" line="38"/>
        <source>Which stop each photo was attached to, and the photos left out</source>
        <translation>L'arrêt auquel chaque photo a été rattachée, et les photos laissées de côté</translation>
    </message>
    <message>
        <location filename="../gui/photo_summary.py" line="53"/>
        <source>Photo import — {group}</source>
        <translation>Import des photos — {group}</translation>
    </message>
    <message>
        <location filename="../gui/photo_summary.py" line="70"/>
        <source>Attached to a stop</source>
        <translation>Rattachées à un arrêt</translation>
    </message>
    <message>
        <location filename="../gui/photo_summary.py" line="74"/>
        <source>No photo attached to a stop.</source>
        <translation>Aucune photo rattachée à un arrêt.</translation>
    </message>
    <message>
        <location filename="../gui/photo_summary.py" line="78"/>
        <source>Not attached</source>
        <translation>Non rattachées</translation>
    </message>
    <message>
        <location filename="../gui/steps/dossier.py" line="166"/>
        <source>Offline: the online layers ({names}) are not loaded</source>
        <translation>Hors ligne : les couches en ligne ({names}) ne sont pas chargées</translation>
    </message>
    <message>
        <location filename="../gui/steps/dossier.py" line="173"/>
        <source>These layers cannot be read: {names}</source>
        <translation>Ces couches ne peuvent pas être lues : {names}</translation>
    </message>
    <message>
        <location filename="../gui/build_dossier_dialog.py" line="200"/>
        <source>No commune has the code {code} in {layer}.</source>
        <translation>Aucune commune n'a le code {code} dans {layer}.</translation>
    </message>
    <message>
        <location filename="../gui/build_dossier_dialog.py" line="206"/>
        <source>Commune: {name}</source>
        <translation>Commune : {name}</translation>
    </message>
    <message>
        <location filename="../gui/steps/diagnostic.py" line="107"/>
        <source>Diagnostic style applied to {count} layers.</source>
        <translation>Style du diagnostic appliqué à {count} couches.</translation>
    </message>
    <message>
        <location filename="../gui/boards_export.py" line="140"/>
        <source>No board of this export was written; the files already in {folder} and the dossier are unchanged.</source>
        <translation>Aucune planche de cet export n’a été écrite ; les fichiers déjà présents dans {folder} et le dossier sont inchangés.</translation>
    </message>
    <message>
        <location filename="../gui/context.py" line="98"/>
        <source>{what}: {error}.</source>
        <translation>{what} : {error}.</translation>
    </message>
    <message>
        <location filename="../gui/context.py" line="108"/>
        <source>The details are in the log (View &gt; Panels &gt; Log Messages, tab Atelier territorial).</source>
        <translation>Le détail est dans le journal (Vue &gt; Panneaux &gt; Journal des messages, onglet Atelier territorial).</translation>
    </message>
    <message>
        <location filename="../gui/export_boards_dialog.py" line="191"/>
        <source>The boards export could not start</source>
        <translation>L’export des planches n’a pas pu démarrer</translation>
    </message>
    <message>
        <location filename="../gui/export_boards_dialog.py" line="191"/>
        <source>Nothing was written.</source>
        <translation>Rien n’a été écrit.</translation>
    </message>
    <message>
        <location filename="../gui/server_transfer.py" line="60"/>
        <source>{task} failed</source>
        <translation>Échec : {task}</translation>
    </message>
    <message>
        <location filename="../gui/photo_actions.py" line="162"/>
        <source>Your photos stay where they were and the dossier keeps its last saved state.</source>
        <translation>Vos photos restent où elles étaient et le dossier garde son dernier état enregistré.</translation>
    </message>
    <message>
        <location filename="../gui/server_actions.py" line="129"/>
        <source>Your edits of {layer} are kept in the layer, still being edited: nothing of yours was lost.</source>
        <translation>Vos modifications de {layer} sont gardées dans la couche, toujours en cours d’édition : rien de votre travail n’est perdu.</translation>
    </message>
    <message>
        <location filename="../gui/server_transfer.py" line="177"/>
        <source>Your dossier {path} is unchanged.</source>
        <translation>Votre dossier {path} est inchangé.</translation>
    </message>
    <message>
        <location filename="../gui/server_transfer.py" line="302"/>
        <source>The GeoPackage {path} is as it was before.</source>
        <translation>Le GeoPackage {path} est tel qu’il était avant.</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="45"/>
        <source>The dossier must be a GeoPackage (.gpkg) or a workshop on a server written pg:&lt;connection&gt;/&lt;schema&gt;, not {value}.</source>
        <translation>Le dossier doit être un GeoPackage (.gpkg) ou un atelier sur un serveur écrit pg:&lt;connexion&gt;/&lt;schéma&gt;, et non {value}.</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="132"/>
        <source>“{algorithm}” works on a GeoPackage dossier; {dossier} is a workshop on a server.</source>
        <translation>« {algorithm} » travaille sur un dossier GeoPackage ; {dossier} est un atelier sur un serveur.</translation>
    </message>
    <message>
        <location filename="../processing/synthesis.py" line="56"/>
        <source>A convergence polygon could not be written to {output}: {error}</source>
        <translation>Un polygone de convergence n’a pas pu être écrit dans {output} : {error}</translation>
    </message>
    <message>
        <location filename="../styles/layer_styles.py" line="251"/>
        <source>The diagnostic style of {layer} could not be applied ({error}): a plain style is used instead.</source>
        <translation>Le style du diagnostic de {layer} n’a pas pu être appliqué ({error}) : un style simple est utilisé à la place.</translation>
    </message>
    <message>
        <location filename="../forms/forms.py" line="34"/>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <location filename="../boards/templates.py" line="92"/>
        <source>The layout template {path} cannot be read: {error}</source>
        <translation>Le modèle de mise en page {path} est illisible : {error}</translation>
    </message>
    <message>
        <location filename="../boards/templates.py" line="103"/>
        <source>QGIS could not load it as a layout.</source>
        <translation>QGIS n'a pas pu le charger comme mise en page.</translation>
    </message>
    <message>
        <location filename="../boards/templates.py" line="110"/>
        <source>The layout template {path} has no item with the id {ids}.</source>
        <translation>Le modèle de mise en page {path} n'a pas d'élément d'identifiant {ids}.</translation>
    </message>
    <message>
        <location filename="../processing/export_boards.py" line="101"/>
        <source>Folder of the agency&apos;s own layout templates (empty: the plugin&apos;s)</source>
        <translation>Dossier des modèles de mise en page propres au service (vide : ceux de l'extension)</translation>
    </message>
    <message>
        <location filename="../services/server/pg_fetch.py" line="271"/>
        <source>Fetching stopped: the GeoPackage is as it was before.</source>
        <translation>Rapatriement interrompu : le GeoPackage est tel qu’il était avant.</translation>
    </message>
    <message>
        <location filename="../services/server/pg_sync.py" line="180"/>
        <source>Publishing stopped: nothing was changed on the server.</source>
        <translation>Publication interrompue : rien n’a été modifié sur le serveur.</translation>
    </message>
    <message>
        <location filename="../domain/insee.py" line="18"/>
        <source>The INSEE code {code} is not valid: 5 characters, two digits (2A or 2B in Corsica) then three digits, e.g. 59464.</source>
        <translation>Le code INSEE {code} n’est pas valide : 5 caractères, deux chiffres (2A ou 2B en Corse) puis trois chiffres, par exemple 59464.</translation>
    </message>
    <message>
        <location filename="../store/postgis.py" line="198"/>
        <source>The PostgreSQL server of {connection} runs version {version}: the workshop needs PostgreSQL 13 or newer. Ask the server&apos;s administrator for an upgrade, or work on a GeoPackage dossier.</source>
        <translation>Le serveur PostgreSQL de {connection} est en version {version} : l’atelier demande PostgreSQL 13 ou plus récent. Demandez sa mise à jour à l’administrateur du serveur, ou travaillez sur un dossier GeoPackage.</translation>
    </message>
</context>
<context>
    <name>AtelierDock</name>
    <message>
        <location filename="../gui/dock.ui" line="6"/>
        <source>Atelier territorial</source>
        <translation>Atelier territorial</translation>
    </message>
    <message>
        <location filename="../gui/dock.ui" line="11"/>
        <source>Dossier:</source>
        <translation>Dossier :</translation>
    </message>
    <message>
        <location filename="../gui/dock.ui" line="12"/>
        <source>No dossier open</source>
        <translation>Aucun dossier ouvert</translation>
    </message>
    <message>
        <location filename="../gui/dock.ui" line="13"/>
        <source>Active group:</source>
        <translation>Groupe actif :</translation>
    </message>
    <message>
        <location filename="../gui/dock.ui" line="14"/>
        <source>The group whose layers the drawing tools edit</source>
        <translation>Le groupe dont les outils de dessin modifient les couches</translation>
    </message>
</context>
<context>
    <name>ExportBoardsDialog</name>
    <message>
        <location filename="../gui/export_boards_dialog.ui" line="38"/>
        <source>…</source>
        <translation>…</translation>
    </message>
</context>
</TS>
