# SPDX-License-Identifier: GPL-2.0-or-later
"""Forms anyone can fill in: labels, drop-down lists, defaults, explained rules.

Stored values are the codes of ``domain.vocab``; the lists show their French
labels. Field aliases go through ``tr`` (English source, French shipped).
"""

from __future__ import annotations

from qgis.core import (
    QgsAttributeEditorField,
    QgsDefaultValue,
    QgsEditorWidgetSetup,
    QgsExpression,
    QgsFieldConstraints,
    QgsProject,
    QgsValueMapFieldFormatter,
    QgsVectorLayer,
)

from .. import compat
from ..domain import vocab
from ..infra.i18n import tr
from ..store import workspace
from ..styles.photo_style import apply_photo_form


def value_map(values: dict[str, str]) -> QgsEditorWidgetSetup:
    """A drop-down list: French label shown, code stored, in the vocabulary's order.

    The first entry stands for "nothing chosen yet", so an empty value reads
    "(aucun)" rather than QGIS's "(NULL)".
    """
    entries = [{tr("(none)"): QgsValueMapFieldFormatter.NULL_VALUE}]
    return QgsEditorWidgetSetup(
        "ValueMap", {"map": entries + [{label: code} for code, label in values.items()]}
    )


#: Figures the plugin computes (along the route): shown in the panel and on the
#: boards, never typed, so not in the form where they would read "NULL".
COMPUTED = ("distance_m", "ecart_m")
#: Names a person types: empty text rather than NULL, which QGIS shows as "NULL".
TYPED_NAMES = ("nom", "titre")


def compact_layout(layer: QgsVectorLayer) -> None:
    """The form lists the fields a person fills, one under the other: no computed
    figures, no child tables, no empty "Actions" section (QGIS's generated form)."""
    config = layer.editFormConfig()
    root = config.invisibleRootContainer()
    root.clear()
    for idx, field in enumerate(layer.fields()):
        if field.name() in COMPUTED or layer.editorWidgetSetup(idx).type() == "Hidden":
            continue
        root.addChildElement(QgsAttributeEditorField(field.name(), idx, root))
    config.setLayout(compat.FORM_LAYOUT_DRAG_AND_DROP)
    layer.setEditFormConfig(config)


def _aliases() -> dict[str, str]:
    return {
        "uid": tr("Identifier"),
        "groupe": tr("Group"),
        "ordre": tr("No."),
        "nom": tr("Name"),
        "theme": tr("Theme"),
        "duree_min": tr("Time at the stop (min)"),
        "notes": tr("Notes"),
        "distance_m": tr("Distance along the route (m)"),
        "ecart_m": tr("Distance from the route (m)"),
        "mode": tr("Mode"),
        "vitesse_kmh": tr("Speed (km/h)"),
        "ambiance": tr("Atmosphere"),
        "caractere": tr("Character"),
        "texte": tr("Text"),
        "arret_id": tr("Stop"),
        "photo": tr("Photo"),
        "date_prise": tr("Taken on"),
        "azimut": tr("Bearing (°)"),
        "origine": tr("Raised by"),
        "type": tr("Type"),
        "description": tr("Description"),
        "categorie": tr("Category"),
        "titre": tr("Title"),
        "niveau": tr("Level"),
        "site_id": tr("Project site"),
    }


def _set(layer: QgsVectorLayer, name: str, setup: QgsEditorWidgetSetup) -> None:
    idx = layer.fields().indexOf(name)
    if idx >= 0:
        layer.setEditorWidgetSetup(idx, setup)


def _default(layer: QgsVectorLayer, name: str, expression: str) -> None:
    idx = layer.fields().indexOf(name)
    if idx >= 0:
        layer.setDefaultValueDefinition(idx, QgsDefaultValue(expression, False))


def _read_only(layer: QgsVectorLayer, name: str) -> None:
    idx = layer.fields().indexOf(name)
    if idx >= 0:
        config = layer.editFormConfig()
        config.setReadOnly(idx, True)
        layer.setEditFormConfig(config)


def _constraint(layer: QgsVectorLayer, name: str, expression: str, why: str, hard: bool) -> None:
    idx = layer.fields().indexOf(name)
    if idx < 0:
        return
    layer.setConstraintExpression(idx, expression, why)
    strength = (
        QgsFieldConstraints.ConstraintStrength.ConstraintStrengthHard
        if hard
        else QgsFieldConstraints.ConstraintStrength.ConstraintStrengthSoft
    )
    layer.setFieldConstraint(idx, QgsFieldConstraints.Constraint.ConstraintExpression, strength)


def _text(multiline: bool = False) -> QgsEditorWidgetSetup:
    return QgsEditorWidgetSetup("TextEdit", {"IsMultiline": multiline, "UseHtml": False})


def _range(lo: float, hi: float, step: float, precision: int = 0) -> QgsEditorWidgetSetup:
    return QgsEditorWidgetSetup(
        "Range",
        {
            "Min": lo,
            "Max": hi,
            "Step": step,
            "Precision": precision,
            "AllowNull": True,
            "Style": "SpinBox",
        },
    )


def configure_form(
    layer: QgsVectorLayer,
    table: str,
    groupe: str | None = None,
    project=None,
    compact: bool = True,
) -> None:
    """Widgets, aliases, defaults and constraints of one group layer.

    ``compact``: the desktop form (see ``compact_layout``); the field package
    keeps QGIS's generated form, whose stop form lists its photos in QField.
    """
    project = project or QgsProject.instance()
    groupe = groupe if groupe is not None else layer.customProperty(workspace.PROP_GROUP)
    for name, alias in _aliases().items():
        idx = layer.fields().indexOf(name)
        if idx >= 0:
            layer.setFieldAlias(idx, alias)
    _set(layer, "uid", QgsEditorWidgetSetup("Hidden", {}))
    _set(layer, "fid", QgsEditorWidgetSetup("Hidden", {}))  # the GeoPackage key: nothing to fill
    _default(layer, "uid", "substr(uuid(), 2, 36)")
    if groupe is not None:
        _default(layer, "groupe", QgsExpression.quotedValue(groupe))
        _read_only(layer, "groupe")
    _set(layer, "theme", value_map(vocab.THEMES))
    for name in TYPED_NAMES:
        if not layer.defaultValueDefinition(layer.fields().indexOf(name)).expression():
            _default(layer, name, "''")
    _set(layer, "texte", _text(True))
    _set(layer, "notes", _text(True))
    _set(layer, "description", _text(True))
    if table == "arrets":
        _constraint(
            layer,
            "nom",
            'length(trim("nom")) > 0',
            tr("A stop needs a name, so that everyone finds it on the field map."),
            True,
        )
        _set(layer, "duree_min", _range(0, 240, 5))
        _default(layer, "duree_min", "10")
        # the next number until the stops are numbered along the route
        _default(layer, "ordre", 'coalesce(maximum("ordre"), 0) + 1')
        for name in ("ordre", "distance_m", "ecart_m"):
            _read_only(layer, name)
        _set(layer, "distance_m", _range(0, 1e6, 1))
        _set(layer, "ecart_m", _range(0, 1e6, 1))
    elif table == "parcours":
        _set(layer, "mode", value_map(vocab.ROUTE_MODES))
        _default(layer, "mode", "'a_pied'")
        _set(layer, "vitesse_kmh", _range(0.5, 60, 0.5, 1))
        _default(layer, "vitesse_kmh", str(vocab.DEFAULT_SPEED_KMH))
        _default(layer, "nom", QgsExpression.quotedValue(tr("Discovery route")))
    elif table == "sequences":
        _default(layer, "ordre", 'coalesce(maximum("ordre"), 0) + 1')
        _set(layer, "ordre", _range(1, 99, 1))
    elif table == "hypotheses":
        _constraint(
            layer,
            "texte",
            'length(trim("texte")) > 0',
            tr("Write the hypothesis in a sentence: what you expect to see here."),
            False,
        )
    elif table == "sites_projet":
        _set(layer, "origine", value_map(vocab.SITE_ORIGINS))
        _default(layer, "origine", "'groupe'")
        _set(layer, "type", value_map(vocab.SITE_TYPES))
        _constraint(
            layer,
            "nom",
            'length(trim("nom")) > 0',
            tr("Give the site a short name (for example “friche rue de Neuville”)."),
            False,
        )
    elif table == "observations":
        # the photo form roots paths at the dossier folder (works from any project)
        apply_photo_form(layer)
        _default(layer, "date_prise", "now()")
        _set(layer, "azimut", _range(0, 360, 1))
        _stop_picker(layer, groupe, project)
    elif table == "diagnostic":
        _set(layer, "categorie", value_map(vocab.DIAGNOSTIC_CATEGORIES))
        _constraint(
            layer,
            "categorie",
            '"categorie" IS NOT NULL',
            tr("Say whether it is a strength, a weakness, an opportunity or a threat."),
            False,
        )
    elif table == "enjeux":
        _set(layer, "niveau", value_map(vocab.ENJEU_LEVELS))
        _default(layer, "niveau", "'important'")
    config = layer.editFormConfig()
    config.setSuppress(compat.FORM_SUPPRESS_OFF)
    layer.setEditFormConfig(config)
    if compact:
        compact_layout(layer)


def _stop_picker(layer: QgsVectorLayer, groupe: str | None, project) -> None:
    """Observations point to a stop of the same group, picked by its name."""
    for other in project.mapLayers().values():
        if (
            other.customProperty(workspace.PROP_TABLE) == "arrets"
            and other.customProperty(workspace.PROP_GROUP) == groupe
        ):
            _set(
                layer,
                "arret_id",
                QgsEditorWidgetSetup(
                    "ValueRelation",
                    {
                        "Layer": other.id(),
                        "LayerName": other.name(),
                        "Key": "fid",
                        "Value": "nom",
                        "OrderByValue": True,
                        "AllowNull": True,
                    },
                ),
            )
            return
