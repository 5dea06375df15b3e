from build_data.compute.derive import ratio


def compute(data, catalog):
    return ratio(data, catalog, "cbs-beleidsinformatie-veilig-thuis", "casussen_actief",
                 scale=100, decimals=1, how="gesloten casussen als percentage van actieve casussen")
