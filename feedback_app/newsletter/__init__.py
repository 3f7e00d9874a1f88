"""The monthly good-practice newsletter: issues (/admin/newsletter), the public archive
(/newsletter), email to a staff mailing list with one-click unsubscribe."""
