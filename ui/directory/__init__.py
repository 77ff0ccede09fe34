"""Directory screens: clients and contracts, contacts, products, technicians, supervisor lists."""
