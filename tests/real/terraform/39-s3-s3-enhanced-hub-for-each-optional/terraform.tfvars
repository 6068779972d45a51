shared_bucket_arn = "arn:aws:s3:::example-shared-lake"
shared_prefix     = "/"

receivers = {
  research = {
    account_id = "210987654321"
    bucket_arn = "arn:aws:s3:::example-research-inbox"
    cron       = "cron(0 */6 * * ? *)"
  }

  partners = {
    account_id = "321098765432"
    bucket_arn = "arn:aws:s3:::example-partner-inbox"
    cron       = "cron(0 0 * * ? *)"
    only       = "/datasets/shared/*|/config/*"
  }

  live = {
    account_id       = "432109876543"
    bucket_arn       = "arn:aws:s3:::example-live-inbox"
    cron             = "cron(0 */2 * * ? *)"
    bytes_per_second = 104857600
    skip             = "/tmp/*|/staging/*"
  }

  reports = {
    account_id    = "543210987654"
    bucket_arn    = "arn:aws:s3:::example-report-inbox"
    cron          = "cron(0 6 * * ? *)"
    storage_class = "STANDARD_IA"
    prefix        = "/incoming-reports/"
  }
}
