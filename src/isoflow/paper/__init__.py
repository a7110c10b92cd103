"""What people read: form data, templates, the Jinja/WeasyPrint edge, procedure documents,
the tracking book and flowcharts.

The form data and flowcharts are pure; Jinja2, WeasyPrint and markupsafe are imported by
:mod:`isoflow.paper.renderer` alone.
"""
