-- Version 1 of the embedded store. Natural keys everywhere so that imports can upsert.
CREATE TABLE chain (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, name_en TEXT);
CREATE TABLE segment (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, name_en TEXT, stage TEXT NOT NULL, value_tier INTEGER NOT NULL,
    weak_below_amount REAL, weak_below_unit TEXT, weak_below_publisher TEXT, weak_below_ref TEXT, weak_below_estimate INTEGER);
CREATE TABLE chain_segment (
    chain TEXT NOT NULL REFERENCES chain(id), segment TEXT NOT NULL REFERENCES segment(id), position INTEGER NOT NULL,
    PRIMARY KEY (chain, segment));
CREATE TABLE resource (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, name_en TEXT, unit TEXT NOT NULL);
CREATE TABLE segment_need (
    segment TEXT NOT NULL REFERENCES segment(id), resource TEXT NOT NULL REFERENCES resource(id),
    PRIMARY KEY (segment, resource));
CREATE TABLE feeds (
    from_segment TEXT NOT NULL REFERENCES segment(id), to_segment TEXT NOT NULL REFERENCES segment(id),
    coefficient REAL, input_unit TEXT, output_unit TEXT, publisher TEXT, ref TEXT, estimate INTEGER NOT NULL,
    PRIMARY KEY (from_segment, to_segment));
CREATE TABLE region (
    code TEXT PRIMARY KEY, name TEXT NOT NULL, name_en TEXT, level TEXT NOT NULL, parent TEXT REFERENCES region(code),
    publisher TEXT, ref TEXT, estimate INTEGER NOT NULL);
CREATE TABLE region_resource (
    region TEXT NOT NULL REFERENCES region(code), resource TEXT NOT NULL REFERENCES resource(id),
    amount REAL, year INTEGER, publisher TEXT, ref TEXT, estimate INTEGER NOT NULL,
    PRIMARY KEY (region, resource));
CREATE TABLE firm (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, name_en TEXT, hq_region TEXT REFERENCES region(code), ownership TEXT,
    publisher TEXT, ref TEXT, estimate INTEGER NOT NULL);
CREATE TABLE presence (
    key TEXT PRIMARY KEY,
    firm TEXT NOT NULL REFERENCES firm(id), segment TEXT NOT NULL REFERENCES segment(id), region TEXT NOT NULL REFERENCES region(code),
    capacity REAL, unit TEXT, since INTEGER, until INTEGER, site TEXT, publisher TEXT, ref TEXT, estimate INTEGER NOT NULL);
CREATE INDEX presence_segment ON presence(segment);
CREATE TABLE firm_list (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, name_en TEXT, publisher TEXT NOT NULL, year INTEGER NOT NULL);
CREATE TABLE list_membership (
    firm TEXT NOT NULL REFERENCES firm(id), list TEXT NOT NULL REFERENCES firm_list(id), rank INTEGER,
    publisher TEXT, ref TEXT, estimate INTEGER NOT NULL,
    PRIMARY KEY (firm, list));
CREATE TABLE supply (
    supplier TEXT NOT NULL REFERENCES firm(id), customer TEXT NOT NULL REFERENCES firm(id), segment TEXT NOT NULL,
    since INTEGER, publisher TEXT, ref TEXT, estimate INTEGER NOT NULL,
    PRIMARY KEY (supplier, customer, segment));
