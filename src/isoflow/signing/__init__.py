"""Digital signatures: the one edge that owns pyHanko, signxml and python-pkcs11.

* keys: :func:`load_pkcs12` (a ``.p12`` file) or :func:`open_token` (a PKCS#11 token, the
  form Vietnamese signing keys take) give an :class:`Identity` that signs PDFs and XML;
* PDFs (PAdES): :func:`sign_document` (the signer, then the organisation's seal over the left
  third of the signer's image, Decree 30 Phụ lục I), or its two halves
  :func:`sign_as_signer` and :func:`seal_document`; :func:`sign_attachment` for separate
  attachments and electronic copies (top right of page 1, a line of text, no image);
* :func:`verify_pdf` gives a :class:`Verdict` (who, when, chain, changed after signing);
* XML-DSig: :func:`sign_xml` and :func:`verify_xml` (enveloped or detached);
* the test kit: :mod:`isoflow.signing.testing` (a PKI made at run time),
  :mod:`isoflow.signing.softhsm` (a SoftHSM2 token) and :mod:`isoflow.signing.samples`.

Nothing below the edges imports this package; ``import isoflow`` does not load it.
"""

from isoflow.signing.fonts import find_font
from isoflow.signing.keys import Identity, load_pkcs12
from isoflow.signing.pdf import http_timestamper, seal_document, sign_as_signer, sign_attachment, sign_document
from isoflow.signing.placement import Box, CopyStampLayout, SealLayout
from isoflow.signing.token import open_token
from isoflow.signing.verify import SignatureCheck, Status, Verdict, load_roots, verify_pdf
from isoflow.signing.xmldsig import XmlVerdict, sign_xml, verify_xml

__all__ = ["Box", "CopyStampLayout", "Identity", "SealLayout", "SignatureCheck", "Status", "Verdict", "XmlVerdict",
           "find_font", "http_timestamper", "load_pkcs12", "load_roots", "open_token", "seal_document",
           "sign_as_signer", "sign_attachment", "sign_document", "sign_xml", "verify_pdf", "verify_xml"]
