import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from directory.extensions import Model


class Postcode(Model):
    """One GB postcode from Ordnance Survey Code-Point Open, in canonical form ("DY1 1AE")."""

    __tablename__ = "postcode"

    postcode: Mapped[str] = mapped_column(sa.String(8), primary_key=True)
    outward: Mapped[str] = mapped_column(sa.String(4), index=True)
    easting: Mapped[int] = mapped_column(sa.Integer)
    northing: Mapped[int] = mapped_column(sa.Integer)
    latitude: Mapped[float] = mapped_column(sa.Float)
    longitude: Mapped[float] = mapped_column(sa.Float)
    quality: Mapped[int] = mapped_column(sa.SmallInteger)


class PostcodeDistrict(Model):
    """The centroid of an outward code's postcodes, for searches by "DY1" alone."""

    __tablename__ = "postcode_district"

    outward: Mapped[str] = mapped_column(sa.String(4), primary_key=True)
    easting: Mapped[int] = mapped_column(sa.Integer)
    northing: Mapped[int] = mapped_column(sa.Integer)
    latitude: Mapped[float] = mapped_column(sa.Float)
    longitude: Mapped[float] = mapped_column(sa.Float)
    postcodes: Mapped[int] = mapped_column(sa.Integer)
