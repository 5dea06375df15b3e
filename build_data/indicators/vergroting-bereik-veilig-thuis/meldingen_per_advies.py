from build_data.compute.derive import ratio


def compute(data, catalog):
    return ratio(data, catalog, "cbs-beleidsinformatie-veilig-thuis", "gestarte_adviezen",
                 decimals=2, how="ontvangen meldingen gedeeld door gestarte adviezen")
