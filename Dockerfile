# conflict-kg API image.  Build: docker build -t conflict-kg .
# Run with docker compose (see docker-compose.yml), or alone with the embedded FalkorDB:
#   docker run --rm -p 127.0.0.1:8000:8000 conflict-kg
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    KG_API_HOST=0.0.0.0 \
    KG_API_PORT=8000 \
    KG_DATA_DIR=/app/data

WORKDIR /app
COPY . .
RUN pip install --no-cache-dir . \
    && rm -rf build *.egg-info

RUN useradd --system --uid 10001 --no-log-init --create-home --home-dir /home/app app \
    && mkdir -p /app/data \
    && chown app:app /app/data
USER app

EXPOSE 8000
CMD ["conflict-kg", "serve"]
